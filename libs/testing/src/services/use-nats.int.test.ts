import { connect } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useNats } from './use-nats.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

/** Reads the INFO line a NATS server sends on connect. */
function readInfo(url: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port || 4222) });
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString('utf8'));
    });
    socket.once('error', reject);
  });
}

describe('useNats', () => {
  it('returns NATS_URL when NATS answers there', async () => {
    const url = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
    vi.stubEnv('NATS_URL', url);
    const nats = await useNats();
    expect(nats.url).toBe(url);
    expect(await readInfo(nats.url)).toMatch(/^INFO \{/);
    await nats.stop();
  });

  it('fails with a clear message when NATS_URL points nowhere', async () => {
    vi.stubEnv('NATS_URL', 'nats://127.0.0.1:1');
    await expect(useNats()).rejects.toThrow(
      'NATS is needed for this test: NATS_URL is nats://127.0.0.1:1 but 127.0.0.1:1 is not reachable',
    );
  });
});
