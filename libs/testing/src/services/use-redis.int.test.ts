import { connect } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useRedis } from './use-redis.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

/** Sends a raw RESP PING and returns the first reply line. */
function ping(url: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port || 6379) }, () =>
      socket.write('PING\r\n'),
    );
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString('utf8').trim());
    });
    socket.once('error', reject);
  });
}

describe('useRedis', () => {
  it('returns REDIS_URL when Redis answers there', async () => {
    const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    vi.stubEnv('REDIS_URL', url);
    const redis = await useRedis();
    expect(redis.url).toBe(url);
    expect(await ping(redis.url)).toBe('+PONG');
    await redis.stop();
  });

  it('fails with a clear message when REDIS_URL points nowhere', async () => {
    vi.stubEnv('REDIS_URL', 'redis://127.0.0.1:1');
    await expect(useRedis()).rejects.toThrow(
      'Redis is needed for this test: REDIS_URL is redis://127.0.0.1:1 but 127.0.0.1:1 is not reachable',
    );
  });
});
