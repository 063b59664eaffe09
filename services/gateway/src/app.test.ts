import { context, propagation, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { loadConfig } from '@switchyard/config';
import { errorBodySchema } from '@switchyard/contracts';
import { type FakeOpenAI, startFakeOpenAI } from '@switchyard/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildGatewayApp, type GatewayApp } from './app.js';
import type { RequestOutcome } from './usage/usage-recorder.js';

const MASTER_KEY = 'sk-sy-unit-master';
const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const outcomes: RequestOutcome[] = [];
let fake: FakeOpenAI;
let gateway: GatewayApp;
let baseUrl: string;

beforeAll(async () => {
  trace.setGlobalTracerProvider(provider);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  fake = await startFakeOpenAI({ apiKeys: ['sk-upstream-a', 'sk-upstream-b'] });
  const config = loadConfig({
    env: {
      OPENAI_BASE_URL: fake.url,
      OPENAI_API_KEY: 'sk-upstream-a,sk-upstream-b',
      LOG_LEVEL: 'silent',
    },
  });
  gateway = buildGatewayApp(
    { ...config, masterKey: MASTER_KEY },
    { usage: { record: (outcome) => outcomes.push(outcome) } },
  );
  baseUrl = `${await gateway.app.listen({ host: '127.0.0.1', port: 0 })}/v1`;
});
afterAll(async () => {
  // undici's fetch may leave a pre-opened socket that never sends a request; it is not idle to
  // node, so graceful close would wait for it.
  gateway?.app.server.closeAllConnections();
  await gateway?.app.close();
  await fake?.close();
  trace.disable();
  propagation.disable();
  context.disable();
});
beforeEach(() => {
  exporter.reset();
  outcomes.length = 0;
  fake.reset();
});

const chat = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  fetch(`${baseUrl}/chat/completions`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${MASTER_KEY}`,
      'content-type': 'application/json',
      ...headers,
    },
    body: JSON.stringify({ messages: [{ role: 'user', content: 'hi there' }], ...body }),
  });

describe('gateway', () => {
  it('continues the caller’s trace: server span → client span → traceparent sent upstream', async () => {
    const callerTrace = '0af7651916cd43dd8448eb211c80319c';
    const response = await chat(
      { model: 'openai/gpt-4o' },
      { traceparent: `00-${callerTrace}-b7ad6b7169203331-01` },
    );
    expect(response.status).toBe(200);
    await response.text();
    await expect.poll(() => exporter.getFinishedSpans().length).toBe(2);
    const spans = exporter.getFinishedSpans();
    const server = spans.find((span) => span.name === 'POST /v1/chat/completions');
    const client = spans.find((span) => span.name === 'chat gpt-4o');
    expect(server?.spanContext().traceId).toBe(callerTrace);
    expect(client?.parentSpanContext?.spanId).toBe(server?.spanContext().spanId);
    expect(client?.attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': 'gpt-4o',
      'http.response.status_code': 200,
    });
    // GenAI semantic conventions on the request's span; never the prompt text.
    expect(server?.attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': 'openai/gpt-4o',
      'gen_ai.response.model': 'gpt-4o',
      'gen_ai.usage.input_tokens': 8,
      'gen_ai.usage.output_tokens': expect.any(Number),
    });
    expect(JSON.stringify(server?.attributes)).not.toContain('hi there');
    const sent = fake.requests.at(-1)?.headers.traceparent;
    expect(sent).toBe(`00-${callerTrace}-${client?.spanContext().spanId}-01`);
  });

  it('passes the caller’s trace on with a propagator and no tracer provider, and none with neither', async () => {
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    // Built while no tracer provider is registered, as the SDK with OTEL_TRACES_EXPORTER=none is.
    trace.disable();
    const untraced = buildGatewayApp(
      {
        ...loadConfig({
          env: { OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: 'sk-upstream-a', LOG_LEVEL: 'silent' },
        }),
        masterKey: MASTER_KEY,
      },
      { usage: { record: (outcome) => outcomes.push(outcome) } },
    );
    const send = () =>
      untraced.app.inject({
        method: 'POST',
        url: '/v1/chat/completions',
        headers: { authorization: `Bearer ${MASTER_KEY}`, traceparent },
        payload: { model: 'openai/gpt-4o', messages: [{ role: 'user', content: 'x' }] },
      });
    try {
      expect((await send()).statusCode).toBe(200);
      // No span of its own: the context goes on as it came, upstream and with the usage.
      expect(fake.requests.at(-1)?.headers.traceparent).toBe(traceparent);
      const carried: Record<string, string> = {};
      propagation.inject(outcomes.at(-1)?.traceContext ?? context.active(), carried);
      expect(carried.traceparent).toBe(traceparent);
      propagation.disable();
      expect((await send()).statusCode).toBe(200);
      expect(fake.requests.at(-1)?.headers.traceparent).toBeUndefined();
      expect(exporter.getFinishedSpans()).toHaveLength(0);
    } finally {
      await untraced.app.close();
      trace.setGlobalTracerProvider(provider);
      propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    }
  });

  it('shows an admin each upstream credential’s use and cooldowns, without its key', async () => {
    await (await chat({ model: 'openai/gpt-4o-mini' })).text();
    const response = await fetch(`${baseUrl.replace(/\/v1$/, '')}/admin/v1/gateway/credentials`, {
      headers: { authorization: `Bearer ${MASTER_KEY}` },
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain('sk-upstream-');
    const { data } = JSON.parse(text) as { data: { provider: string; requests_today: number }[] };
    const openai = data.filter((credential) => credential.provider === 'openai');
    expect(openai).toHaveLength(2);
    expect(openai.reduce((sum, credential) => sum + credential.requests_today, 0)).toBeGreaterThan(
      0,
    );
  });

  it('spreads requests over the provider key pool', async () => {
    for (let index = 0; index < 4; index++)
      await (await chat({ model: 'openai/gpt-4o-mini' })).text();
    const [first, second, third, fourth] = fake.requests.map(
      (request) => request.headers.authorization,
    );
    expect(new Set([first, second])).toEqual(
      new Set(['Bearer sk-upstream-a', 'Bearer sk-upstream-b']),
    );
    expect([third, fourth]).toEqual([first, second]);
  });

  it('records one outcome per request with provider usage and the exact cost', async () => {
    await (await chat({ model: 'openai/gpt-4o' })).text();
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({
      endpoint: 'chat.completions',
      model: 'openai/gpt-4o',
      provider: 'openai',
      upstreamModel: 'gpt-4o',
      status: 200,
      usageSource: 'provider',
      // 8 prompt tokens × $2.50/M + 3 completion tokens × $10/M
      usage: { promptTokens: 8, completionTokens: 3, cachedTokens: 0, reasoningTokens: 0 },
      cost: '0.00005',
      principal: { keyId: 'master', role: 'admin' },
    });
  });

  it('names the model the caller asked for (openai/gpt-4o) in the answer and every chunk', async () => {
    const json = (await (await chat({ model: 'openai/gpt-4o' })).json()) as { model: string };
    expect(json.model).toBe('openai/gpt-4o');
    const stream = await (
      await chat({ model: 'openai/gpt-4o', stream: true, stream_options: { include_usage: true } })
    ).text();
    const chunks = stream
      .split('\n')
      .filter((line) => line.startsWith('data: {'))
      .map((line) => JSON.parse(line.slice(6)));
    expect(chunks.length).toBeGreaterThan(1);
    expect(new Set(chunks.map((chunk) => chunk.model))).toEqual(new Set(['openai/gpt-4o']));
  });

  it('records a stream’s time to first token and usage even when the client did not ask for it', async () => {
    const response = await chat({ model: 'openai/gpt-4o', stream: true });
    const body = await response.text();
    expect(body).not.toContain('"prompt_tokens"');
    await expect.poll(() => outcomes.length).toBe(1);
    expect(outcomes[0]).toMatchObject({
      stream: true,
      status: 200,
      usageSource: 'provider',
      usage: { promptTokens: 8 },
    });
    expect(outcomes[0]?.timeToFirstTokenMs).toBeGreaterThanOrEqual(0);
  });

  it('records a client that left mid-stream as 499 and aborts the upstream call', async () => {
    const controller = new AbortController();
    const response = await fetch(`${baseUrl}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${MASTER_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'openai/gpt-4o',
        stream: true,
        messages: [{ role: 'user', content: 'slow please' }],
      }),
      signal: controller.signal,
    });
    const reader = response.body?.getReader();
    await reader?.read();
    controller.abort();
    await expect.poll(() => outcomes.length).toBe(1);
    expect(outcomes[0]).toMatchObject({ status: 499, errorCode: 'client_closed' });
  });

  it('records upstream errors with their client-facing status and code', async () => {
    const config = loadConfig({
      env: {
        OPENAI_BASE_URL: fake.url,
        OPENAI_API_KEY: 'sk-wrong-key-123456',
        LOG_LEVEL: 'silent',
      },
    });
    const other = buildGatewayApp(
      { ...config, masterKey: MASTER_KEY },
      { usage: { record: (outcome) => outcomes.push(outcome) } },
    );
    const response = await other.app.inject({
      method: 'POST',
      url: '/v1/chat/completions',
      headers: { authorization: `Bearer ${MASTER_KEY}` },
      payload: { model: 'openai/gpt-4o', messages: [{ role: 'user', content: 'x' }] },
    });
    await other.app.close();
    expect(response.statusCode).toBe(502);
    expect(response.body).not.toContain('sk-wrong-key-123456');
    expect(outcomes[0]).toMatchObject({
      status: 502,
      errorCode: 'upstream_auth_failed',
      usageSource: 'none',
    });
  });

  it('refuses a chat body nested 10,000 levels deep, and one sent as text/plain, before any upstream call', async () => {
    const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const nested = await fetch(`${baseUrl}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${MASTER_KEY}`, 'content-type': 'application/json' },
      body: `{"model":"openai/gpt-4o-mini","messages":[{"role":"user","content":"hi"}],"extra":${deep}}`,
    });
    expect(nested.status).toBe(400);
    expect(errorBodySchema.parse(await nested.json()).error).toMatchObject({
      type: 'invalid_request_error',
      code: 'invalid_request',
      message: expect.stringContaining('128 levels'),
    });
    const plain = await fetch(`${baseUrl}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${MASTER_KEY}`, 'content-type': 'text/plain' },
      body: JSON.stringify({ model: 'openai/gpt-4o-mini', messages: [] }),
    });
    expect(plain.status).toBe(415);
    expect(errorBodySchema.parse(await plain.json()).error.code).toBe('unsupported_media_type');
    expect(fake.requests).toHaveLength(0);
  });
});
