import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { checkTcpReachable } from './check-tcp-reachable.js';

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

async function listen(): Promise<number> {
  const listening = createServer((socket) => socket.destroy());
  server = listening;
  await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
  const address = listening.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('checkTcpReachable', () => {
  it('reports a listening port as reachable', async () => {
    const port = await listen();
    expect(await checkTcpReachable({ host: '127.0.0.1', port }, 1_000)).toEqual({ ok: true });
  });

  it('reports a refused connection with its error code', async () => {
    expect(await checkTcpReachable({ host: '127.0.0.1', port: 1 }, 1_000)).toEqual({
      ok: false,
      reason: 'ECONNREFUSED',
    });
  });

  it('reports a missing Unix socket', async () => {
    expect(await checkTcpReachable({ path: '/nonexistent/docker.sock' }, 1_000)).toEqual({
      ok: false,
      reason: 'ENOENT',
    });
  });
});
