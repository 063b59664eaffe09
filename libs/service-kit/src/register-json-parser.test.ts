import { createServiceMetrics } from '@switchyard/telemetry';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createServiceApp } from './create-service-app.js';
import { parseBody } from './parse-body.js';

const apps: Array<ReturnType<typeof createServiceApp>> = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

function build() {
  const app = createServiceApp({
    name: 'test',
    logLevel: 'silent',
    bodyLimitBytes: 1_048_576,
    metrics: createServiceMetrics('test'),
    readiness: { draining: false, checks: [] },
  });
  // Like the chat route: unknown fields pass through, and the answer walks the whole body.
  app.post('/echo', async (request) => parseBody(z.looseObject({ n: z.number() }), request.body));
  app.post('/revoke', async () => ({ revoked: true }));
  apps.push(app);
  return app;
}

const nested = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

describe('JSON bodies', () => {
  it('refuses 10,000 levels of nesting in an unknown field with a 400 naming the limit', async () => {
    const response = await build().inject({
      method: 'POST',
      url: '/echo',
      headers: { 'content-type': 'application/json' },
      payload: `{"n":1,"extra":${nested(10_000)}}`,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: {
        message: 'The JSON body nests objects and arrays more than 128 levels deep.',
        type: 'invalid_request_error',
        code: 'invalid_request',
        param: null,
      },
    });
  });

  it('accepts nesting up to the limit', async () => {
    const response = await build().inject({
      method: 'POST',
      url: '/echo',
      headers: { 'content-type': 'application/json' },
      payload: `{"n":1,"extra":${nested(127)}}`,
    });
    expect(response.statusCode).toBe(200);
  });

  it('answers a text/plain body with 415, also on a route that reads no body', async () => {
    const app = build();
    for (const url of ['/echo', '/revoke']) {
      const response = await app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'text/plain' },
        payload: '{"n":1}',
      });
      expect(response.statusCode).toBe(415);
      expect(response.json().error).toMatchObject({
        type: 'invalid_request_error',
        code: 'unsupported_media_type',
      });
    }
  });

  it('still refuses a __proto__ key or a constructor.prototype, as fastify does, escaped too', async () => {
    const app = build();
    for (const payload of [
      '{"n":1,"__proto__":{"admin":true}}',
      '{"n":1,"\\u005f_proto__":{"admin":true}}',
      '{"n":1,"a":{"constructor":{"prototype":{"admin":true}}}}',
      '{"n":1,"a":{"c\\u006fnstructor":{"prototype":{"admin":true}}}}',
    ]) {
      const response = await app.inject({
        method: 'POST',
        url: '/echo',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expect(response.statusCode, payload).toBe(400);
      expect(response.json().error.message, payload).toMatch(/Body is not valid JSON/);
    }
  });

  it('parses what fastify parses, the words as values and a byte-order mark included', async () => {
    const app = build();
    const cases: Array<[string, number, unknown]> = [
      [
        '{"n":1,"text":"__proto__","constructor":"x"}',
        200,
        { n: 1, text: '__proto__', constructor: 'x' },
      ],
      ['\ufeff{"n":2}', 200, { n: 2 }],
      ['{"n":3', 400, undefined],
      ['', 400, undefined],
    ];
    for (const [payload, status, body] of cases) {
      const response = await app.inject({
        method: 'POST',
        url: '/echo',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expect(response.statusCode, payload).toBe(status);
      if (body !== undefined) expect(response.json(), payload).toEqual(body);
    }
  });
});
