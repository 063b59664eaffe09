import { request as httpRequest } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { listenServiceApp, rawExchange } from './testing/listen-service-app.js';

const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

async function start() {
  const started = await listenServiceApp({ bodyLimitBytes: 1024 });
  apps.push(started.app);
  return started.port;
}

const TOO_LARGE = {
  error: {
    message: 'Request body is larger than the limit of 1024 bytes.',
    type: 'invalid_request_error',
    code: 'request_too_large',
    param: null,
  },
};
// Large enough that the client is still sending when the 413 comes back.
const bigBody = JSON.stringify({ text: 'x'.repeat(8 * 1_048_576) });

describe('a body over the limit, sent by a real HTTP client', () => {
  it('reaches fetch (undici) streaming its body as a 413 with the error body, not EPIPE', async () => {
    const port = await start();
    const chunk = new TextEncoder().encode('x'.repeat(256 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode('{"text":"'));
        if (sent >= 32) {
          controller.enqueue(new TextEncoder().encode('"}'));
          controller.close();
          return;
        }
        sent++;
        await new Promise((resolve) => setTimeout(resolve, 5));
        controller.enqueue(chunk);
      },
    });
    const response = await fetch(`http://127.0.0.1:${port}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual(TOO_LARGE);
  });

  it('reaches node:http as a 413 with the error body and no EPIPE or reset', async () => {
    const port = await start();
    const outcome = await new Promise<{ status?: number; body?: string; error?: Error }>(
      (resolve) => {
        let result: { status?: number; body?: string; error?: Error } = {};
        const request = httpRequest(
          {
            host: '127.0.0.1',
            port,
            path: '/echo',
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(bigBody),
            },
          },
          (response) => {
            let text = '';
            response.on('data', (chunk: Buffer) => {
              text += chunk.toString('utf8');
            });
            response.on('end', () => {
              result = { ...result, status: response.statusCode, body: text };
              // Errors on the request after the answer (EPIPE) arrive on a later tick.
              setTimeout(() => resolve(result), 200);
            });
          },
        );
        request.on('error', (error) => {
          result = { ...result, error };
          resolve(result);
        });
        request.end(bigBody);
      },
    );
    expect(outcome.error).toBeUndefined();
    expect(outcome.status).toBe(413);
    expect(JSON.parse(outcome.body ?? '')).toEqual(TOO_LARGE);
  });

  it('stops draining a client that keeps sending past the body timeout', async () => {
    const started = await listenServiceApp({ bodyLimitBytes: 1024, bodyTimeoutMs: 500 });
    apps.push(started.app);
    const head =
      'POST /echo HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\n' +
      'content-length: 100000000\r\n\r\n';
    const { received, closedAfterMs } = await rawExchange(
      started.port,
      [head, ...Array.from({ length: 60 }, () => 'x'.repeat(10_000))],
      { gapMs: 50, waitMs: 4_000 },
    );
    expect(received).toMatch(/^HTTP\/1\.1 413 /);
    expect(closedAfterMs).toBeLessThan(2_000);
  });
});
