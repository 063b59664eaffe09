import { type FakeOpenAI, startFakeOpenAI } from '@switchyard/testing';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Standalone, startStandalone } from './support/start-standalone.js';

const MASTER_KEY = 'sk-sy-e2e-routing';
const POOL = ['sk-pool-key-aaaa1111', 'sk-pool-key-bbbb2222', 'sk-pool-key-cccc3333'];
let primary: FakeOpenAI;
let backup: FakeOpenAI;
let pooled: FakeOpenAI;
let gateway: Standalone;
let client: OpenAI;

/**
 * The model calls a fake received; the standalone catalog sync also lists each provider's
 * models (`GET /v1/models`), which is not what these tests count.
 */
const calls = (fake: FakeOpenAI) => fake.requests.filter((request) => request.method === 'POST');

beforeAll(async () => {
  [primary, backup, pooled] = await Promise.all([
    startFakeOpenAI(),
    startFakeOpenAI(),
    startFakeOpenAI({ apiKeys: POOL }),
  ]);
  const yaml = `
upstream: { connect_timeout_ms: 1000, first_byte_timeout_ms: 500, idle_timeout_ms: 1000, request_timeout_ms: 10000 }
providers:
  - { name: primary, type: openai-compatible, base_url: "${primary.url}" }
  - { name: backup, type: openai-compatible, base_url: "${backup.url}" }
  - name: pooled
    type: openai-compatible
    base_url: "${pooled.url}"
    keys: [${POOL.join(', ')}]
  - name: limited
    type: openai-compatible
    base_url: "${pooled.url}"
    keys:
      - { key: ${POOL[0]}, rpm: 2 }
      - ${POOL[1]}
  - name: half-broken
    type: openai-compatible
    base_url: "${pooled.url}"
    key_strategy: round_robin
    keys: [sk-revoked-key-0000, ${POOL[2]}]
models:
  - id: fb/server-error
    context_length: 8192
    routes:
      - { provider: primary, upstream_model: error-500 }
      - { provider: backup, upstream_model: gpt-test }
  - id: fb/overloaded
    context_length: 8192
    routes:
      - { provider: primary, upstream_model: error-529 }
      - { provider: backup, upstream_model: gpt-test }
  - id: fb/timeout
    context_length: 8192
    routes:
      - { provider: primary, upstream_model: stall-headers }
      - { provider: backup, upstream_model: gpt-test }
  - id: fb/circuit
    context_length: 8192
    routes:
      - { provider: primary, upstream_model: error-502 }
      - { provider: backup, upstream_model: gpt-test }
  - id: fb/bad-request
    context_length: 8192
    routes:
      - { provider: primary, upstream_model: error-400 }
      - { provider: backup, upstream_model: gpt-test }
  - id: fb/both-down
    context_length: 8192
    routes:
      - { provider: primary, upstream_model: error-500 }
      - { provider: backup, upstream_model: error-503 }
  - id: fb/free-and-paid
    context_length: 8192
    routes:
      - { provider: primary, upstream_model: gpt-test, pricing: { prompt: "0.000001", completion: "0.000001" } }
      - { provider: backup, upstream_model: gpt-test, pricing: { prompt: "0", completion: "0" } }
  - { id: pool/gpt, provider: pooled, upstream_model: gpt-test, context_length: 8192 }
  - { id: limited/gpt, provider: limited, upstream_model: gpt-test, context_length: 8192 }
  - { id: half/gpt, provider: half-broken, upstream_model: gpt-test, context_length: 8192 }
  - { id: small/gpt, provider: backup, upstream_model: gpt-test, context_length: 50, max_output_tokens: 40 }
`;
  gateway = await startStandalone({ yaml, env: { SWITCHYARD_MASTER_KEY: MASTER_KEY } });
  client = new OpenAI({ baseURL: gateway.baseUrl, apiKey: MASTER_KEY, maxRetries: 0 });
});
afterAll(async () => {
  await gateway?.stop();
  await Promise.all([primary, backup, pooled].map((fake) => fake?.close()));
});
beforeEach(() => {
  for (const fake of [primary, backup, pooled]) fake.reset();
});

const hello = [{ role: 'user' as const, content: 'hello' }];
const create = (model: string, extra: Record<string, unknown> = {}) =>
  client.chat.completions.create({ model, messages: hello, ...extra }).withResponse();

describe('fallback between routes', () => {
  for (const [model, why] of [
    ['fb/server-error', '500'],
    ['fb/overloaded', '529'],
    ['fb/timeout', 'a first-byte timeout'],
  ] as const) {
    it(`serves from the next route when the first answers ${why}`, async () => {
      const { data, response } = await create(model);
      expect(data.choices[0]?.message.content).toBe('Echo: hello');
      expect(response.headers.get('x-switchyard-provider')).toBe('backup');
      expect(response.headers.get('x-switchyard-attempts')).toBe('2');
      expect(calls(primary)).toHaveLength(1);
    });
  }

  it('counts attempts, fallbacks and open circuits on /metrics', async () => {
    const metrics = await (await fetch(`${gateway.origin}/metrics`)).text();
    expect(metrics).toMatch(
      /switchyard_upstream_attempts_total\{provider="primary",outcome="upstream_error"[^}]*\} [1-9]/,
    );
    expect(metrics).toMatch(
      /switchyard_upstream_attempts_total\{provider="backup",outcome="ok"[^}]*\} [1-9]/,
    );
    expect(metrics).toMatch(/switchyard_fallbacks_total\{model="fb\/server-error"[^}]*\} [1-9]/);
  });

  it('opens a failing route’s circuit after 5 failures and stops calling it', async () => {
    for (let index = 0; index < 8; index++) {
      const { response } = await create('fb/circuit');
      expect(response.headers.get('x-switchyard-provider')).toBe('backup');
    }
    expect(
      calls(primary).filter(
        (request) => (request.body as { model?: string }).model === 'error-502',
      ),
    ).toHaveLength(5);
    const metrics = await (await fetch(`${gateway.origin}/metrics`)).text();
    expect(metrics).toMatch(/switchyard_circuit_open\{route="primary\/error-502"[^}]*\} 1/);
  });

  it('does not retry a request the upstream refused as invalid', async () => {
    await expect(create('fb/bad-request')).rejects.toMatchObject({ status: 400 });
    expect(calls(backup)).toHaveLength(0);
  });

  it('reports the last failure and the attempts when every route fails', async () => {
    const error = await create('fb/both-down').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 503, code: 'overloaded' });
    expect(
      (error as InstanceType<typeof OpenAI.APIError>).headers?.get('x-switchyard-attempts'),
    ).toBe('2');
  });

  it('falls back to the models listed in `models`', async () => {
    const { response } = await create('fb/both-down', { models: ['pool/gpt'] });
    expect(response.headers.get('x-switchyard-model')).toBe('pool/gpt');
    expect(response.headers.get('x-switchyard-attempts')).toBe('3');
  });

  it('streams from the fallback route too', async () => {
    const stream = await client.chat.completions.create({
      model: 'fb/server-error',
      messages: hello,
      stream: true,
    });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe('Echo: hello');
  });

  it(':free uses only the free route and @provider pins one', async () => {
    expect(
      (await create('fb/free-and-paid:free')).response.headers.get('x-switchyard-provider'),
    ).toBe('backup');
    expect(
      (await create('fb/free-and-paid@backup')).response.headers.get('x-switchyard-provider'),
    ).toBe('backup');
    expect((await create('fb/free-and-paid')).response.headers.get('x-switchyard-provider')).toBe(
      'primary',
    );
    expect(
      (await create('fb/free-and-paid', { provider: { order: ['backup'] } })).response.headers.get(
        'x-switchyard-provider',
      ),
    ).toBe('backup');
  });
});

describe('credential pools', () => {
  it('round robin shares 300 requests over 3 credentials within ±10%', async () => {
    for (let batch = 0; batch < 30; batch++) {
      await Promise.all(Array.from({ length: 10 }, () => create('pool/gpt')));
    }
    const counts = POOL.map(
      (key) =>
        calls(pooled).filter((request) => request.headers.authorization === `Bearer ${key}`).length,
    );
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(300);
    for (const count of counts) expect(Math.abs(count - 100)).toBeLessThanOrEqual(10);
  });

  it('skips a credential at its RPM limit', async () => {
    for (let index = 0; index < 6; index++) await create('limited/gpt');
    const used = calls(pooled).map((request) => request.headers.authorization);
    expect(used.filter((key) => key === `Bearer ${POOL[0]}`)).toHaveLength(2);
    expect(used.filter((key) => key === `Bearer ${POOL[1]}`)).toHaveLength(4);
  });

  it('moves on to the next credential when one is refused, and stops using it', async () => {
    for (let index = 0; index < 4; index++) {
      const { data } = await create('half/gpt');
      expect(data.choices[0]?.message.content).toBe('Echo: hello');
    }
    const refused = calls(pooled).filter(
      (request) => request.headers.authorization === 'Bearer sk-revoked-key-0000',
    );
    expect(refused).toHaveLength(1);
  });
});

describe('max_tokens and the context window', () => {
  it('lowers max_tokens that would overflow the context and says so', async () => {
    const { response } = await create('small/gpt', { max_tokens: 45 });
    const adjusted = Number(response.headers.get('x-switchyard-max-tokens'));
    expect(adjusted).toBeGreaterThan(0);
    expect(adjusted).toBeLessThan(45);
    expect(calls(backup).at(-1)?.body).toMatchObject({ max_tokens: adjusted });
  });

  it('refuses a prompt that cannot fit before any upstream call', async () => {
    const long = 'many words here '.repeat(40);
    await expect(
      client.chat.completions.create({
        model: 'small/gpt',
        messages: [{ role: 'user', content: long }],
      }),
    ).rejects.toMatchObject({ status: 400, code: 'context_length_exceeded', param: 'messages' });
    expect(calls(backup)).toHaveLength(0);
  });
});
