import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findDockerEndpoint } from './find-docker-endpoint.js';

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

async function listen(where: string | number): Promise<Server> {
  const listening = createServer((socket) => socket.destroy());
  server = listening;
  await new Promise<void>((resolve) =>
    typeof where === 'string'
      ? listening.listen(where, resolve)
      : listening.listen(where, '127.0.0.1', resolve),
  );
  return listening;
}

describe('findDockerEndpoint', () => {
  it('finds a DOCKER_HOST unix socket that answers', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'docker-')), 'docker.sock');
    await listen(path);
    expect(await findDockerEndpoint({ DOCKER_HOST: `unix://${path}` })).toBe(`unix://${path}`);
  });

  it('finds a DOCKER_HOST tcp endpoint that answers', async () => {
    const listening = await listen(0);
    const address = listening.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    const endpoint = `tcp://127.0.0.1:${address.port}`;
    expect(await findDockerEndpoint({ DOCKER_HOST: endpoint })).toBe(endpoint);
  });

  it('finds nothing when DOCKER_HOST does not answer', async () => {
    expect(
      await findDockerEndpoint({ DOCKER_HOST: 'unix:///nonexistent/docker.sock' }),
    ).toBeUndefined();
    expect(await findDockerEndpoint({ DOCKER_HOST: 'tcp://127.0.0.1:1' })).toBeUndefined();
  });

  it('probes the usual sockets under HOME and XDG_RUNTIME_DIR without DOCKER_HOST', async () => {
    const runtime = mkdtempSync(join(tmpdir(), 'runtime-'));
    await listen(join(runtime, 'docker.sock'));
    const found = await findDockerEndpoint({ HOME: '/nonexistent', XDG_RUNTIME_DIR: runtime });
    // /var/run/docker.sock wins when this machine has one; otherwise the XDG socket is found.
    expect([`unix://${join(runtime, 'docker.sock')}`, 'unix:///var/run/docker.sock']).toContain(
      found,
    );
  });
});
