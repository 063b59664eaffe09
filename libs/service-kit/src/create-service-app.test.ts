import { createServiceMetrics } from '@switchyard/telemetry';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError } from './api-error.js';
import { createServiceApp } from './create-service-app.js';
import { parseBody } from './parse-body.js';
import type { Readiness } from './register-health.js';

const apps: Array<ReturnType<typeof createServiceApp>> = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

function build(readiness: Readiness = { draining: false, checks: [] }) {
  const app = createServiceApp({
    name: 'test',
    logLevel: 'silent',
    bodyLimitBytes: 1024,
    metrics: createServiceMetrics('test'),
    readiness,
  });
  app.post('/echo', async (request) =>
    parseBody(z.object({ n: z.number(), tags: z.array(z.string()) }), request.body),
  );
  app.get('/boom', async () => {
    throw new Error('secret internals at /srv/app.ts:12');
  });
  app.get('/limited', async () => {
    throw new ApiError(429, 'rate_limit_error', 'rate_limit_exceeded', 'Slow down.', {
      headers: { 'retry-after': '3' },
    });
  });
  apps.push(app);
  return app;
}

const post = (
  payload: string,
  headers: Record<string, string> = { 'content-type': 'application/json' },
) => build().inject({ method: 'POST', url: '/echo', payload, headers });

describe('createServiceApp error handling', () => {
  it('answers malformed JSON with 400 in the OpenAI error body', async () => {
    const response = await post('{"n": ');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: {
        message: expect.stringMatching(/^Malformed JSON body/),
        type: 'invalid_request_error',
        code: 'invalid_request',
        param: null,
      },
    });
  });

  it('names the first bad field in param and lists every problem', async () => {
    const response = await post('{"n": "one", "tags": [1]}');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.param).toBe('n');
    expect(response.json().error.message).toMatch(/n: .*; tags\[0\]: /);
  });

  it('answers a body over the limit with 413 request_too_large', async () => {
    const response = await post(JSON.stringify({ n: 1, tags: ['x'.repeat(2000)] }));
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toMatchObject({
      code: 'request_too_large',
      message: expect.stringContaining('1024 bytes'),
    });
  });

  it('answers a non-JSON content type with 415', async () => {
    const response = await post('n=1', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe('unsupported_media_type');
  });

  it('hides an unexpected error behind a 500 without message or stack', async () => {
    const response = await build().inject({ method: 'GET', url: '/boom' });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('secret internals');
    expect(response.json().error).toMatchObject({ type: 'server_error', code: 'internal_error' });
  });

  it('sends the headers an ApiError carries', async () => {
    const response = await build().inject({ method: 'GET', url: '/limited' });
    expect(response.statusCode).toBe(429);
    expect(response.headers['retry-after']).toBe('3');
  });

  it('answers unknown routes with a 404 error body', async () => {
    const response = await build().inject({ method: 'GET', url: '/nope?x=1' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toMatchObject({
      code: 'not_found',
      message: 'No route for GET /nope.',
    });
  });
});

describe('createServiceApp request ids and health', () => {
  it('gives every request its own id, echoing a sane caller id beside it', async () => {
    const app = build();
    const first = await app.inject({
      method: 'GET',
      url: '/livez',
      headers: { 'x-request-id': 'abc-123_x.y:z' },
    });
    const second = await app.inject({
      method: 'GET',
      url: '/livez',
      headers: { 'x-request-id': 'abc-123_x.y:z' },
    });
    expect(first.headers['x-request-id']).toBe('abc-123_x.y:z');
    expect(first.headers['x-switchyard-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    // The caller reused its id: the service's ids still differ.
    expect(second.headers['x-switchyard-request-id']).not.toBe(
      first.headers['x-switchyard-request-id'],
    );
    const replaced = await app.inject({
      method: 'GET',
      url: '/livez',
      headers: { 'x-request-id': 'bad id\n<script>' },
    });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(replaced.headers['x-request-id']).toBe(replaced.headers['x-switchyard-request-id']);
  });

  it('reports not ready while draining or while a check fails', async () => {
    const readiness: Readiness = {
      draining: false,
      checks: [{ name: 'redis', check: async () => false }],
    };
    const app = build(readiness);
    expect((await app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({
      status: 'unready',
      failed: ['redis'],
    });
    readiness.checks = [];
    expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    readiness.draining = true;
    const draining = await app.inject({ method: 'GET', url: '/readyz' });
    expect(draining.statusCode).toBe(503);
    expect((await app.inject({ method: 'GET', url: '/livez' })).statusCode).toBe(200);
  });

  it('counts requests on /metrics by route and status, but not the probes themselves', async () => {
    const app = build();
    await app.inject({ method: 'POST', url: '/echo', payload: { n: 1, tags: [] } });
    await app.inject({ method: 'GET', url: '/livez' });
    const scrape = async () => (await app.inject({ method: 'GET', url: '/metrics' })).body;
    await expect
      .poll(scrape)
      .toMatch(
        /switchyard_http_requests_total\{route="\/echo",method="POST",status="200",model="",provider="",service="test"\} 1/,
      );
    const metrics = await scrape();
    expect(metrics).not.toMatch(/route="\/livez"/);
  });
});
