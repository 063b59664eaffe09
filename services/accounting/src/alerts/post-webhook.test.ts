import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postWebhook } from './post-webhook.js';

let server: Server;
let origin: string;
const seen: { path: string; body: string; headers: Record<string, unknown> }[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      seen.push({ path, body: Buffer.concat(chunks).toString(), headers: request.headers });
      if (path === '/ok') response.writeHead(204).end();
      else if (path === '/secret-page') response.writeHead(503).end('internal: password=hunter2');
      else if (path === '/moved') response.writeHead(302, { location: `${origin}/ok` }).end();
      else if (path === '/slow') setTimeout(() => response.writeHead(200).end(), 1_000);
      else response.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const post = (path: string, timeoutMs = 2_000) =>
  postWebhook({
    url: `${origin}${path}`,
    body: '{"a":1}',
    headers: { 'x-test': 'yes' },
    timeoutMs,
  });

describe('postWebhook', () => {
  it('POSTs the JSON body with its headers; a 2xx is delivered', async () => {
    expect(await post('/ok')).toEqual({ ok: true, status: 204 });
    expect(seen.at(-1)).toMatchObject({
      path: '/ok',
      body: '{"a":1}',
      headers: { 'content-type': 'application/json', 'x-test': 'yes' },
    });
  });

  it('fails another status without reading what the receiver answered', async () => {
    expect(await post('/secret-page')).toEqual({ ok: false, status: 503, error: 'HTTP 503' });
  });

  it('does not follow a redirect', async () => {
    const before = seen.length;
    expect(await post('/moved')).toEqual({ ok: false, status: 302, error: 'HTTP 302' });
    expect(seen.slice(before).map((request) => request.path)).toEqual(['/moved']);
  });

  it('gives up after the timeout, and names a refused connection', async () => {
    expect(await post('/slow', 100)).toEqual({ ok: false, status: null, error: 'timed out' });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    expect(
      await postWebhook({
        url: `http://127.0.0.1:${port}/`,
        body: '{}',
        headers: {},
        timeoutMs: 1_000,
      }),
    ).toEqual({ ok: false, status: null, error: 'connection failed: ECONNREFUSED' });
  });
});
