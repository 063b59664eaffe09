import { connect } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { usePostgres } from './use-postgres.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

/** Sends Postgres's SSLRequest; a Postgres server answers with one byte, `S` or `N`. */
function sslRequest(url: string): Promise<string> {
  const { hostname, port } = new URL(url);
  const request = Buffer.alloc(8);
  request.writeInt32BE(8, 0);
  request.writeInt32BE(80877103, 4);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port || 5432) }, () =>
      socket.write(request),
    );
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.subarray(0, 1).toString('latin1'));
    });
    socket.once('error', reject);
  });
}

describe('usePostgres', () => {
  it('returns DATABASE_URL when Postgres answers there', async () => {
    const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
    vi.stubEnv('DATABASE_URL', url);
    const postgres = await usePostgres();
    expect(postgres.url).toBe(url);
    expect(['S', 'N']).toContain(await sslRequest(postgres.url));
    await postgres.stop();
  });

  it('fails with a clear message when DATABASE_URL points nowhere', async () => {
    vi.stubEnv('DATABASE_URL', 'postgres://postgres@127.0.0.1:1/test');
    await expect(usePostgres()).rejects.toThrow(
      'Postgres is needed for this test: DATABASE_URL is postgres://postgres@127.0.0.1:1/test but 127.0.0.1:1 is not reachable',
    );
  });
});
