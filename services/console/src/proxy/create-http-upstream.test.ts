import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpUpstream } from './create-http-upstream.js';

const servers: Array<ReturnType<typeof Fastify>> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** A server whose export route writes three records 150 ms apart (slower than the timeout). */
async function startExportServer(): Promise<string> {
  const server = Fastify();
  servers.push(server);
  server.get('/admin/v1/requests', async (_request, reply) => {
    async function* records() {
      for (const id of ['a', 'b', 'c']) {
        await new Promise((resolve) => setTimeout(resolve, 150));
        yield `${id}\r\n`;
      }
    }
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="requests.csv"')
      .send(Readable.from(records()));
  });
  await server.listen({ host: '127.0.0.1', port: 0 });
  return `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
}

describe('createHttpUpstream', () => {
  it('hands a stream on unread, past the timeout that bounds only the wait for headers', async () => {
    const origin = await startExportServer();
    const upstream = createHttpUpstream({
      adminUrl: origin,
      catalogUrl: origin,
      gatewayUrl: origin,
      timeoutMs: 250,
    });
    const response = await upstream('admin', {
      method: 'GET',
      path: '/admin/v1/requests',
      headers: {},
      stream: true,
    });
    expect(response.status).toBe(200);
    expect(response.body).toBe('');
    expect(response.headers['content-disposition']).toBe('attachment; filename="requests.csv"');
    const chunks: string[] = [];
    for await (const chunk of response.stream ?? Readable.from([])) chunks.push(String(chunk));
    expect(chunks.join('')).toBe('a\r\nb\r\nc\r\n');
  });

  it('still times out a buffered call whose answer is slower than the timeout', async () => {
    const origin = await startExportServer();
    const upstream = createHttpUpstream({
      adminUrl: origin,
      catalogUrl: origin,
      gatewayUrl: origin,
      timeoutMs: 250,
    });
    await expect(
      upstream('admin', { method: 'GET', path: '/admin/v1/requests', headers: {} }),
    ).rejects.toThrow();
  });
});
