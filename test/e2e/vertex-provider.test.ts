import Anthropic from '@anthropic-ai/sdk';
import {
  type FakeGoogleToken,
  type FakeMetadataServer,
  type FakeVertex,
  startFakeGoogleToken,
  startFakeMetadataServer,
  startFakeVertex,
} from '@switchyard/testing';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Standalone, startStandalone } from './support/start-standalone.js';

const MASTER_KEY = 'sk-sy-e2e-vertex';
const PROJECT = 'acme-prod';
const LOCATION = 'us-east5';
/** The short-lived account's tokens live two seconds, so one test outlives one. */
const SHORT_LIFETIME_SECONDS = 2;
let google: FakeGoogleToken;
let shortLived: FakeGoogleToken;
let metadata: FakeMetadataServer;
let vertex: FakeVertex;
let gateway: Standalone;
let openai: OpenAI;
let anthropic: Anthropic;

beforeAll(async () => {
  google = await startFakeGoogleToken();
  shortLived = await startFakeGoogleToken({ tokenLifetimeSeconds: SHORT_LIFETIME_SECONDS });
  metadata = await startFakeMetadataServer({ projectId: PROJECT });
  const ledgers = [google.tokens, shortLived.tokens, metadata.tokens];
  vertex = await startFakeVertex({
    project: PROJECT,
    location: LOCATION,
    verifyToken: (token) =>
      ledgers.map((ledger) => ledger.verify(token)).find((verdict) => verdict !== 'unknown') ??
      'unknown',
  });
  const yaml = `
providers:
  - { name: vertex, type: vertex, base_url: "\${VERTEX_URL}", keys: "\${VERTEX_KEY}" }
  - { name: vertex-short, type: vertex, base_url: "\${VERTEX_URL}", keys: "\${VERTEX_SHORT_KEY}" }
  - { name: vertex-forged, type: vertex, base_url: "\${VERTEX_URL}", keys: "\${VERTEX_FORGED_KEY}" }
  - { name: vertex-adc, type: vertex, base_url: "\${VERTEX_URL}" }
  - { name: vertex-leaky, type: vertex, base_url: "\${VERTEX_URL}", keys: "\${VERTEX_KEY}" }
models:
  - { id: vertex/gemini, upstream_model: gemini-2.5-flash, context_length: 1048576, max_output_tokens: 65536, pricing: { prompt: "0.0000003", completion: "0.0000025" } }
  - { id: vertex/claude, upstream_model: "claude-sonnet-4-5@20250929", context_length: 200000, max_output_tokens: 64000, pricing: { prompt: "0.000003", completion: "0.000015" } }
  - { id: vertex/claude-limited, upstream_model: claude-scenario-error-429, context_length: 200000 }
  - id: vertex/claude-failover
    context_length: 200000
    routes:
      - { provider: vertex, upstream_model: claude-scenario-error-503, pricing: { prompt: "0.001", completion: "0.001" } }
      - { provider: vertex-short, upstream_model: "claude-haiku-4-5@20251001", pricing: { prompt: "0.000001", completion: "0.000005" } }
  - { id: vertex/embed, kind: embedding, upstream_model: text-embedding-005, context_length: 2048, pricing: { prompt: "0.000000025" } }
  - { id: vertex-short/gemini, upstream_model: gemini-2.5-flash, context_length: 1048576 }
  - { id: vertex-forged/gemini, upstream_model: gemini-2.5-flash, context_length: 1048576 }
  - { id: vertex-leaky/claude-leak, upstream_model: claude-scenario-error-leak, context_length: 8192 }
  - { id: vertex-adc/gemini, upstream_model: gemini-2.5-flash, context_length: 1048576 }
`;
  gateway = await startStandalone({
    yaml,
    env: {
      SWITCHYARD_MASTER_KEY: MASTER_KEY,
      VERTEX_URL: vertex.url,
      VERTEX_KEY: google.serviceAccountKey,
      VERTEX_SHORT_KEY: shortLived.serviceAccountKey,
      VERTEX_FORGED_KEY: google.forgedKey,
      // The keyless provider's Application Default Credentials: this metadata server only.
      GCE_METADATA_HOST: metadata.host,
      CLOUDSDK_CONFIG: '/nonexistent',
    },
  });
  openai = new OpenAI({ baseURL: gateway.baseUrl, apiKey: MASTER_KEY, maxRetries: 0 });
  anthropic = new Anthropic({ baseURL: gateway.origin, apiKey: MASTER_KEY, maxRetries: 0 });
});
afterAll(async () => {
  await gateway?.stop();
  await vertex?.close();
  await shortLived?.close();
  await google?.close();
  await metadata?.close();
});
beforeEach(() => vertex.reset());

const MODELS = `/v1/projects/${PROJECT}/locations/${LOCATION}/publishers`;
const lastUpstream = () => {
  const request = vertex.requests.at(-1);
  if (request === undefined) throw new Error('the fake Vertex received nothing');
  return request as typeof request & { body: Record<string, unknown> };
};
const bearerOf = (headers: Readonly<Record<string, string | undefined>>) =>
  headers.authorization?.replace(/^Bearer /, '');
const tools = [
  {
    type: 'function' as const,
    function: {
      name: 'lookup',
      description: 'Look up',
      parameters: { type: 'object', properties: { input: { type: 'string' } } },
    },
  },
];

describe('the openai SDK against Gemini on vertex', () => {
  it('chats through generateContent with a token from the service account, cached', async () => {
    const issuedBefore = google.tokens.issued;
    for (const text of ['hello vertex', 'again']) {
      const completion = await openai.chat.completions.create({
        model: 'vertex/gemini',
        messages: [{ role: 'user', content: text }],
      });
      expect(completion.choices[0]?.message.content).toBe(`Echo: ${text}`);
    }
    const sent = lastUpstream();
    expect(sent.path).toBe(`${MODELS}/google/models/gemini-2.5-flash:generateContent`);
    expect(google.tokens.verify(bearerOf(sent.headers))).toBe('valid');
    expect(sent.headers['x-goog-api-key']).toBeUndefined();
    expect(google.tokens.issued - issuedBefore).toBe(1);
  });

  it('streams, and calls tools', async () => {
    const stream = await openai.chat.completions.create({
      model: 'vertex/gemini',
      messages: [{ role: 'user', content: 'stream it' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe('Echo: stream it');
    expect(lastUpstream().path).toBe(
      `${MODELS}/google/models/gemini-2.5-flash:streamGenerateContent`,
    );
    const completion = await openai.chat.completions.create({
      model: 'vertex/gemini',
      messages: [{ role: 'user', content: 'find it' }],
      tools,
      tool_choice: 'required',
    });
    expect(completion.choices[0]?.finish_reason).toBe('tool_calls');
    expect(completion.choices[0]?.message.tool_calls?.[0]).toMatchObject({
      function: { name: 'lookup' },
    });
  });

  it('embeds through predict', async () => {
    const result = await openai.embeddings.create({
      model: 'vertex/embed',
      input: ['alpha beta', 'gamma'],
      encoding_format: 'float',
    });
    expect(result.data).toHaveLength(2);
    expect(result.data[0]?.embedding).toHaveLength(8);
    expect(result.usage.prompt_tokens).toBe(3);
    expect(lastUpstream().path).toBe(`${MODELS}/google/models/text-embedding-005:predict`);
  });

  it('keeps working past a short-lived token: each call carries a live one', async () => {
    const ask = () =>
      openai.chat.completions.create({
        model: 'vertex-short/gemini',
        messages: [{ role: 'user', content: 'short' }],
      });
    await ask();
    const first = bearerOf(lastUpstream().headers);
    await new Promise((resolve) => setTimeout(resolve, SHORT_LIFETIME_SECONDS * 1000 + 100));
    expect(shortLived.tokens.verify(first)).toBe('expired');
    expect((await ask()).choices[0]?.message.content).toBe('Echo: short');
    const second = bearerOf(lastUpstream().headers);
    expect(second).not.toBe(first);
    expect(shortLived.tokens.verify(second)).toBe('valid');
  });

  it("uses the metadata server's token for a provider without keys", async () => {
    const completion = await openai.chat.completions.create({
      model: 'vertex-adc/gemini',
      messages: [{ role: 'user', content: 'ambient' }],
    });
    expect(completion.choices[0]?.message.content).toBe('Echo: ambient');
    expect(metadata.tokens.verify(bearerOf(lastUpstream().headers))).toBe('valid');
  });

  it('never echoes the OAuth token an upstream error quotes', async () => {
    const error = await openai.chat.completions
      .create({ model: 'vertex-leaky/claude-leak', messages: [{ role: 'user', content: 'x' }] })
      .catch((caught: unknown) => caught);
    const token = bearerOf(lastUpstream().headers);
    expect(google.tokens.verify(token)).toBe('valid');
    expect(error).toMatchObject({ status: 502, code: 'upstream_auth_failed' });
    expect((error as Error).message).toMatch(/invalid authentication credentials/);
    expect(JSON.stringify(error)).not.toContain(String(token));
  });

  it('fails when Google refuses the key, without reaching vertex or echoing the key', async () => {
    const error = await openai.chat.completions
      .create({ model: 'vertex-forged/gemini', messages: [{ role: 'user', content: 'x' }] })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 502, code: 'upstream_auth_failed' });
    expect((error as Error).message).toMatch(/Google refused the vertex credential: invalid_grant/);
    const privateKey = (JSON.parse(google.forgedKey) as { private_key: string }).private_key;
    const keyLine = privateKey.split('\n')[1] ?? 'missing';
    expect(JSON.stringify(error)).not.toContain(keyLine);
    expect(vertex.requests).toHaveLength(0);
  });
});

describe('the openai SDK against Claude on vertex', () => {
  it("chats through rawPredict with Anthropic's body, and streams through streamRawPredict", async () => {
    const completion = await openai.chat.completions.create({
      model: 'vertex/claude',
      messages: [{ role: 'user', content: 'hello claude' }],
    });
    expect(completion.choices[0]?.message.content).toBe('Echo: hello claude');
    expect((completion.usage as unknown as { cost: number }).cost).toBeGreaterThan(0);
    const sent = lastUpstream();
    expect(sent.path).toBe(`${MODELS}/anthropic/models/claude-sonnet-4-5@20250929:rawPredict`);
    expect(sent.body).toMatchObject({ anthropic_version: 'vertex-2023-10-16' });
    expect(sent.body).not.toHaveProperty('model');
    expect(google.tokens.verify(bearerOf(sent.headers))).toBe('valid');
    const stream = await openai.chat.completions.create({
      model: 'vertex/claude',
      messages: [{ role: 'user', content: 'stream claude' }],
      stream: true,
    });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe('Echo: stream claude');
    expect(lastUpstream().path).toMatch(/:streamRawPredict$/);
  });

  it('calls tools', async () => {
    const completion = await openai.chat.completions.create({
      model: 'vertex/claude',
      messages: [{ role: 'user', content: 'find it' }],
      tools,
      tool_choice: 'required',
    });
    expect(completion.choices[0]?.finish_reason).toBe('tool_calls');
  });

  it("maps Claude's 429 to a rate limit", async () => {
    const error = await openai.chat.completions
      .create({ model: 'vertex/claude-limited', messages: [{ role: 'user', content: 'x' }] })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 429 });
  });
});

describe('routes across vertex providers', () => {
  it('fails over from a 503 to the next route, which serves and bills the request', async () => {
    const { data, response } = await openai.chat.completions
      .create({ model: 'vertex/claude-failover', messages: [{ role: 'user', content: 'over' }] })
      .withResponse();
    expect(data.choices[0]?.message.content).toBe('Echo: over');
    expect(response.headers.get('x-switchyard-provider')).toBe('vertex-short');
    // Billed at the serving route's price: 1 prompt token per word at 0.000001 and so on, far below 0.001.
    expect((data.usage as unknown as { cost: number }).cost).toBeLessThan(0.0001);
    expect(vertex.requests.map((request) => request.path.split(':')[0]?.split('/').pop())).toEqual([
      'claude-scenario-error-503',
      'claude-haiku-4-5@20251001',
    ]);
  });
});

describe('@anthropic-ai/sdk through /v1/messages to Claude on vertex', () => {
  it('answers, streams and uses tools', async () => {
    const message = await anthropic.messages.create({
      model: 'vertex/claude',
      max_tokens: 50,
      system: 'be brief',
      messages: [{ role: 'user', content: 'round trip' }],
    });
    expect(message.content[0]).toMatchObject({ type: 'text', text: 'Echo: round trip' });
    expect(lastUpstream().body).toMatchObject({
      anthropic_version: 'vertex-2023-10-16',
      max_tokens: 50,
      system: 'be brief',
    });
    const streamed = await anthropic.messages
      .stream({
        model: 'vertex/claude',
        max_tokens: 50,
        messages: [{ role: 'user', content: 'round trip' }],
      })
      .finalMessage();
    expect(streamed.content[0]).toMatchObject({ type: 'text', text: 'Echo: round trip' });
    const withTool = await anthropic.messages.create({
      model: 'vertex/claude',
      max_tokens: 50,
      tools: [
        {
          name: 'lookup',
          input_schema: { type: 'object', properties: { input: { type: 'string' } } },
        },
      ],
      tool_choice: { type: 'any' },
      messages: [{ role: 'user', content: 'find it' }],
    });
    expect(withTool.stop_reason).toBe('tool_use');
  });
});
