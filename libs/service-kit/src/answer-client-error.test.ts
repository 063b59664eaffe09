import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { listenServiceApp, parseRawResponse, rawExchange } from './testing/listen-service-app.js';

const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

async function start(options: Parameters<typeof listenServiceApp>[0] = {}) {
  const started = await listenServiceApp(options, (app) => {
    // An answer that streams for longer than the request timeouts.
    app.post('/slow-stream', async (_request, reply) => {
      async function* ticks() {
        for (let tick = 0; tick < 6; tick++) {
          await new Promise((resolve) => setTimeout(resolve, 200));
          yield `tick ${tick}\n`;
        }
      }
      return reply.type('text/plain').send(Readable.from(ticks()));
    });
  });
  apps.push(started.app);
  return started.port;
}

const errorBody = (code: string) => ({
  error: { message: expect.any(String), type: 'invalid_request_error', code, param: null },
});

describe('requests node refuses before any route, in the OpenAI error body', () => {
  it('answers malformed HTTP with 400', async () => {
    const port = await start();
    const { received } = await rawExchange(port, ['GARBAGE\r\n\r\n']);
    expect(parseRawResponse(received)).toEqual({ status: 400, body: errorBody('invalid_request') });
  });

  it('answers headers over the size limit with 431', async () => {
    const port = await start();
    const { received } = await rawExchange(port, [
      `GET /livez HTTP/1.1\r\nHost: x\r\nx-big: ${'a'.repeat(20_000)}\r\n\r\n`,
    ]);
    expect(parseRawResponse(received)).toEqual({
      status: 431,
      body: errorBody('request_headers_too_large'),
    });
  });

  it('answers an HTTP/1.1 request without Host with 400', async () => {
    const port = await start();
    const { received } = await rawExchange(port, ['GET /livez HTTP/1.1\r\n\r\n']);
    expect(parseRawResponse(received)).toEqual({ status: 400, body: errorBody('invalid_request') });
  });

  it('answers a bad % escape in the path with 400', async () => {
    const port = await start();
    const { received } = await rawExchange(port, [
      'GET /v1/models%zz HTTP/1.1\r\nHost: x\r\nconnection: close\r\n\r\n',
    ]);
    expect(parseRawResponse(received)).toEqual({ status: 400, body: errorBody('invalid_request') });
  });
});

describe('request timeouts', () => {
  const timeouts = { headersTimeoutMs: 300, bodyTimeoutMs: 600 };

  it('closes a connection that never finishes its headers, or sends nothing at all', async () => {
    const port = await start(timeouts);
    for (const parts of [['GET /livez HTTP/1.1\r\nHost: x\r\n'], []]) {
      const { closedAfterMs } = await rawExchange(port, parts, { waitMs: 3_000 });
      expect(closedAfterMs).toBeLessThan(2_000);
    }
  });

  it('answers 408 and closes when the headers come but the body never does', async () => {
    const port = await start(timeouts);
    const { received, closedAfterMs } = await rawExchange(
      port,
      [
        'POST /echo HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\ncontent-length: 12\r\n\r\n',
      ],
      { waitMs: 3_000 },
    );
    expect(closedAfterMs).toBeLessThan(2_000);
    expect(parseRawResponse(received)).toEqual({ status: 408, body: errorBody('request_timeout') });
  });

  it('answers 408 to a body that trickles in a byte at a time', async () => {
    const port = await start(timeouts);
    const head =
      'POST /echo HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\ncontent-length: 12\r\n\r\n';
    const { received, closedAfterMs } = await rawExchange(port, [head, ...'{"a":"bbbbb"}'], {
      gapMs: 150,
      waitMs: 3_000,
    });
    expect(closedAfterMs).toBeLessThan(1_500);
    expect(parseRawResponse(received)).toEqual({ status: 408, body: errorBody('request_timeout') });
  });

  it('never cuts an answer that streams for longer than the timeouts', async () => {
    const port = await start(timeouts);
    const response = await fetch(`http://127.0.0.1:${port}/slow-stream`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"stream":true}',
    });
    expect(await response.text()).toBe(
      Array.from({ length: 6 }, (_, tick) => `tick ${tick}\n`).join(''),
    );
  });
});
