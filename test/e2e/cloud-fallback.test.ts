import {
  type FakeAnthropic,
  type FakeBedrock,
  type FakeGoogleToken,
  type FakeVertex,
  startFakeAnthropic,
  startFakeBedrock,
  startFakeGoogleToken,
  startFakeVertex,
} from '@switchyard/testing';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Standalone, startStandalone } from './support/start-standalone.js';

// Issue 18's chain: one model served by Anthropic first, Claude on Bedrock second, Claude on
// Vertex third. Each failure moves to the next route before anything reached the client, and the
// request is billed once, at the price of the route that served it.
const MASTER_KEY = 'sk-sy-e2e-cloud-fallback';
const ANTHROPIC_KEY = 'sk-ant-e2e-cloud-fallback-0000';
const AWS_KEY = { accessKeyId: 'AKIAE2ECLOUDFALLBACK1', secretAccessKey: 'e2e/cloud+fallback/1' };
const BEDROCK_CLAUDE = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';
const VERTEX_CLAUDE = 'claude-sonnet-4-5@20250929';
const PROJECT = 'acme-fallback';
const LOCATION = 'us-east5';
/** Per-million-token prices that differ per route, so the bill says which route served. */
const PRICES = {
  anthropic: { prompt: '0.000003', completion: '0.000015' },
  bedrock: { prompt: '0.0000033', completion: '0.0000165' },
  vertex: { prompt: '0.0000036', completion: '0.000018' },
};
let anthropic: FakeAnthropic;
let bedrock: FakeBedrock;
let google: FakeGoogleToken;
let vertex: FakeVertex;
let gateway: Standalone;
let openai: OpenAI;

const price = (route: keyof typeof PRICES) =>
  `{ prompt: "${PRICES[route].prompt}", completion: "${PRICES[route].completion}" }`;
/** A model whose three routes are Anthropic, Bedrock and Vertex, each naming its own upstream model. */
const chain = (id: string, upstream: { anthropic: string; bedrock: string; vertex: string }) => `
  - id: ${id}
    context_length: 200000
    routes:
      - { provider: anthropic, upstream_model: "${upstream.anthropic}", pricing: ${price('anthropic')} }
      - { provider: bedrock, upstream_model: "${upstream.bedrock}", priority: 1, pricing: ${price('bedrock')} }
      - { provider: vertex, upstream_model: "${upstream.vertex}", priority: 2, pricing: ${price('vertex')} }`;

beforeAll(async () => {
  anthropic = await startFakeAnthropic({ apiKeys: [ANTHROPIC_KEY] });
  bedrock = await startFakeBedrock({ credentials: [AWS_KEY], region: 'us-east-1' });
  google = await startFakeGoogleToken();
  vertex = await startFakeVertex({
    project: PROJECT,
    location: LOCATION,
    verifyToken: (token) => google.tokens.verify(token),
  });
  const yaml = `
providers:
  - { name: anthropic, type: anthropic, base_url: "${anthropic.url}", keys: ["${ANTHROPIC_KEY}"] }
  - { name: bedrock, type: bedrock, base_url: "${bedrock.url}", region: us-east-1, keys: ["${AWS_KEY.accessKeyId}:${AWS_KEY.secretAccessKey}"] }
  - { name: vertex, type: vertex, base_url: "\${VERTEX_URL}", keys: "\${VERTEX_KEY}" }
models:${chain('claude/to-vertex', { anthropic: 'error-429', bedrock: 'error-503', vertex: VERTEX_CLAUDE })}${chain('claude/to-bedrock', { anthropic: 'error-529', bedrock: BEDROCK_CLAUDE, vertex: VERTEX_CLAUDE })}${chain('claude/anthropic', { anthropic: 'claude-sonnet-4-5', bedrock: BEDROCK_CLAUDE, vertex: VERTEX_CLAUDE })}
`;
  gateway = await startStandalone({
    yaml,
    env: {
      SWITCHYARD_MASTER_KEY: MASTER_KEY,
      VERTEX_URL: vertex.url,
      VERTEX_KEY: google.serviceAccountKey,
    },
  });
  openai = new OpenAI({ baseURL: gateway.baseUrl, apiKey: MASTER_KEY, maxRetries: 0 });
});
afterAll(async () => {
  await gateway?.stop();
  await Promise.all([anthropic?.close(), bedrock?.close(), vertex?.close(), google?.close()]);
});
beforeEach(() => {
  anthropic.reset();
  bedrock.reset();
  vertex.reset();
});

/** The ledger's row of a request, once accounting has written it. */
async function ledgerRow(requestId: string | null): Promise<Record<string, unknown>> {
  const generation = () =>
    fetch(`${gateway.origin}/v1/generation?id=${requestId}`, {
      headers: { authorization: `Bearer ${MASTER_KEY}` },
    });
  await expect.poll(async () => (await generation()).status, { timeout: 10_000 }).toBe(200);
  return ((await (await generation()).json()) as { data: Record<string, unknown> }).data;
}

/** The exact cost of a request at a route's prices. */
const costAt = (route: keyof typeof PRICES, usage: { prompt: number; completion: number }) =>
  usage.prompt * Number(PRICES[route].prompt) + usage.completion * Number(PRICES[route].completion);

describe('a model routed anthropic → bedrock → vertex', () => {
  it('falls over a 429 and a 503 to vertex, which serves and alone bills the request', async () => {
    const { data, response } = await openai.chat.completions
      .create({ model: 'claude/to-vertex', messages: [{ role: 'user', content: 'all the way' }] })
      .withResponse();
    expect(data.choices[0]?.message.content).toBe('Echo: all the way');
    expect(response.headers.get('x-switchyard-provider')).toBe('vertex');
    expect(response.headers.get('x-switchyard-attempts')).toBe('3');
    // Each upstream was asked once, in the routes' order.
    expect([anthropic.requests.length, bedrock.requests.length, vertex.requests.length]).toEqual([
      1, 1, 1,
    ]);
    const usage = {
      prompt: data.usage?.prompt_tokens ?? 0,
      completion: data.usage?.completion_tokens ?? 0,
    };
    expect(usage.prompt).toBeGreaterThan(0);
    const cost = costAt('vertex', usage);
    expect((data.usage as unknown as { cost: number }).cost).toBeCloseTo(cost, 12);
    const row = await ledgerRow(response.headers.get('x-switchyard-request-id'));
    expect(row).toMatchObject({
      provider_name: 'vertex',
      upstream_model: VERTEX_CLAUDE,
      attempts: 3,
      fallback_used: true,
      tokens_prompt: usage.prompt,
      tokens_completion: usage.completion,
    });
    expect(Number(row.total_cost_usd)).toBeCloseTo(cost, 12);
  });

  it('streams from bedrock after anthropic is overloaded, billed once at the bedrock price', async () => {
    const { data: stream, response } = await openai.chat.completions
      .create({
        model: 'claude/to-bedrock',
        stream: true,
        stream_options: { include_usage: true },
        messages: [{ role: 'user', content: 'stream from bedrock' }],
      })
      .withResponse();
    let text = '';
    let usage: OpenAI.CompletionUsage | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      usage = chunk.usage ?? usage;
    }
    expect(text).toBe('Echo: stream from bedrock');
    expect(response.headers.get('x-switchyard-provider')).toBe('bedrock');
    expect(vertex.requests).toHaveLength(0);
    const tokens = { prompt: usage?.prompt_tokens ?? 0, completion: usage?.completion_tokens ?? 0 };
    const row = await ledgerRow(response.headers.get('x-switchyard-request-id'));
    expect(row).toMatchObject({
      provider_name: 'bedrock',
      attempts: 2,
      fallback_used: true,
      tokens_prompt: tokens.prompt,
      tokens_completion: tokens.completion,
    });
    expect(Number(row.total_cost_usd)).toBeCloseTo(costAt('bedrock', tokens), 12);
  });

  it('stays on anthropic when it answers: no other cloud is called', async () => {
    const { data, response } = await openai.chat.completions
      .create({ model: 'claude/anthropic', messages: [{ role: 'user', content: 'first try' }] })
      .withResponse();
    expect(data.choices[0]?.message.content).toBe('Echo: first try');
    expect(response.headers.get('x-switchyard-provider')).toBe('anthropic');
    expect([bedrock.requests.length, vertex.requests.length]).toEqual([0, 0]);
    const row = await ledgerRow(response.headers.get('x-switchyard-request-id'));
    expect(row).toMatchObject({ provider_name: 'anthropic', attempts: 1, fallback_used: false });
  });
});
