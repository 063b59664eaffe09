import Anthropic from '@anthropic-ai/sdk';
import {
  type FakeBedrock,
  type FakeGoogleToken,
  type FakeVertex,
  startFakeBedrock,
  startFakeGoogleToken,
  startFakeVertex,
} from '@switchyard/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Standalone, startStandalone } from './support/start-standalone.js';

// /v1/messages routed to Claude on Bedrock (invoke / invoke-with-response-stream, SigV4) or on
// Vertex AI (rawPredict / streamRawPredict, OAuth) is a pass-through as it is to Anthropic: the
// SDK's body reaches the cloud byte for byte apart from `model` (and, on Bedrock, `stream`) and
// the cloud's own version field, thinking and cache marks included, and the answer (thinking
// with its signature, text, cache usage) reaches the SDK and the ledger.

const MASTER_KEY = 'sk-sy-e2e-messages-native-clouds';
const AWS_KEY = { accessKeyId: 'AKIAE2ENATIVECLOUDS01', secretAccessKey: 'e2e/native+clouds/01' };
const PROJECT = 'acme-native';
const LOCATION = 'us-east5';
const BETAS = 'interleaved-thinking-2025-05-14,fine-grained-tool-streaming-2025-05-14';
const BEDROCK_CLAUDE = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';
const VERTEX_CLAUDE = 'claude-sonnet-4-5@20250929';
const PRICES = {
  prompt: '0.000003',
  completion: '0.000015',
  cached_prompt: '0.0000003',
  cache_write: '0.00000375',
  cache_write_1h: '0.000006',
};

let bedrock: FakeBedrock;
let google: FakeGoogleToken;
let vertex: FakeVertex;
let gateway: Standalone;
let anthropic: Anthropic;
/** What the SDK last sent. */
let sent = '';

const recordingFetch: typeof fetch = async (input, init) => {
  sent = typeof init?.body === 'string' ? init.body : '';
  return fetch(input, init);
};

beforeAll(async () => {
  [bedrock, google] = await Promise.all([
    startFakeBedrock({ credentials: [AWS_KEY], region: 'us-west-2' }),
    startFakeGoogleToken(),
  ]);
  vertex = await startFakeVertex({
    project: PROJECT,
    location: LOCATION,
    verifyToken: (token) => google.tokens.verify(token),
  });
  const pricing = `pricing: ${JSON.stringify(PRICES)}`;
  const yaml = `
upstream: { first_byte_timeout_ms: 5000, idle_timeout_ms: 5000 }
providers:
  - { name: bedrock, type: bedrock, base_url: "${bedrock.url}", region: us-west-2, keys: ["${AWS_KEY.accessKeyId}:${AWS_KEY.secretAccessKey}"] }
  - { name: vertex, type: vertex, base_url: "\${VERTEX_URL}", keys: "\${VERTEX_KEY}" }
models:
  - { id: bedrock/claude, provider: bedrock, upstream_model: "${BEDROCK_CLAUDE}", context_length: 200000, max_output_tokens: 8192, ${pricing} }
  - { id: bedrock/claude-breaks, provider: bedrock, upstream_model: "us.anthropic.claude-scenario-overloaded-mid-stream", context_length: 200000, max_output_tokens: 8192 }
  - { id: bedrock/nova, provider: bedrock, upstream_model: "amazon.nova-pro-v1:0", context_length: 300000, max_output_tokens: 5000 }
  - { id: vertex/claude, provider: vertex, upstream_model: "${VERTEX_CLAUDE}", context_length: 200000, max_output_tokens: 8192, ${pricing} }
`;
  gateway = await startStandalone({
    yaml,
    env: {
      SWITCHYARD_MASTER_KEY: MASTER_KEY,
      VERTEX_URL: vertex.url,
      VERTEX_KEY: google.serviceAccountKey,
      CLOUDSDK_CONFIG: '/nonexistent',
    },
  });
  anthropic = new Anthropic({
    baseURL: gateway.origin,
    apiKey: MASTER_KEY,
    maxRetries: 0,
    fetch: recordingFetch,
    defaultHeaders: { 'anthropic-beta': BETAS },
  });
}, 60_000);
afterAll(async () => {
  await gateway?.stop();
  await Promise.all([bedrock?.close(), vertex?.close(), google?.close()]);
});
beforeEach(() => {
  bedrock.reset();
  vertex.reset();
});

/** One cloud's Claude: its gateway model, its fake, and what its body must look like. */
interface Cloud {
  name: string;
  model: string;
  fake: () => FakeBedrock | FakeVertex;
  path: (stream: boolean) => string;
  /** The SDK's body as the cloud must receive it. */
  forwarded: (body: string, stream: boolean) => string;
  /** The caller's betas, where the cloud reads them. */
  betas: (request: { headers: Record<string, string | undefined>; rawBody: string }) => unknown;
}

/** The SDK's body without its leading `model` (the SDK writes the request's keys in order). */
const withoutModel = (body: string, model: string) => {
  const prefix = `{"model":${JSON.stringify(model)},`;
  expect(body.startsWith(prefix)).toBe(true);
  return `{${body.slice(prefix.length)}`;
};
const appendFields = (body: string, fields: string) => `${body.slice(0, -1)},${fields}}`;

const CLOUDS: Cloud[] = [
  {
    name: 'Claude on Bedrock',
    model: 'bedrock/claude',
    fake: () => bedrock,
    path: (stream) =>
      `/model/${encodeURIComponent(BEDROCK_CLAUDE)}/${stream ? 'invoke-with-response-stream' : 'invoke'}`,
    forwarded: (body, stream) => {
      let text = withoutModel(body, 'bedrock/claude');
      if (stream) {
        expect(text.endsWith(',"stream":true}')).toBe(true);
        text = `${text.slice(0, -',"stream":true}'.length)}}`;
      }
      return appendFields(
        text,
        `"anthropic_version":"bedrock-2023-05-31","anthropic_beta":${JSON.stringify(BETAS.split(','))}`,
      );
    },
    betas: (request) => (JSON.parse(request.rawBody) as { anthropic_beta: unknown }).anthropic_beta,
  },
  {
    name: 'Claude on Vertex',
    model: 'vertex/claude',
    fake: () => vertex,
    path: (stream) =>
      `/v1/projects/${PROJECT}/locations/${LOCATION}/publishers/anthropic/models/${VERTEX_CLAUDE}:${stream ? 'streamRawPredict' : 'rawPredict'}`,
    forwarded: (body) =>
      appendFields(withoutModel(body, 'vertex/claude'), '"anthropic_version":"vertex-2023-10-16"'),
    betas: (request) => request.headers['anthropic-beta']?.split(','),
  },
];

/** An agent-like request: thinking on, cache marks on system, tools and the last user turn. */
function agentRequest(model: string, userText: string) {
  return {
    model,
    max_tokens: 4096,
    thinking: { type: 'enabled' as const, budget_tokens: 2048 },
    system: [
      { type: 'text' as const, text: 'You are a careful coding agent.' },
      {
        type: 'text' as const,
        text: 'Project rules: small files, tests first.',
        cache_control: { type: 'ephemeral' as const, ttl: '1h' as const },
      },
    ],
    tools: [
      {
        name: 'get_weather',
        description: 'Weather for a place',
        input_schema: { type: 'object' as const, properties: { input: { type: 'string' } } },
        cache_control: { type: 'ephemeral' as const },
      },
    ],
    tool_choice: { type: 'none' as const },
    messages: [
      {
        role: 'user' as const,
        content: [
          { type: 'text' as const, text: userText, cache_control: { type: 'ephemeral' as const } },
        ],
      },
    ],
  };
}

interface LedgerEvent {
  cost_usd: string | null;
  prompt_tokens: number;
  completion_tokens: number;
  cached_tokens: number;
  extra?: Record<string, unknown>;
  cache_write_tokens?: number;
}

/** The ledger's row of a request, once accounting has stored it. */
async function ledgerRow(requestId: string): Promise<LedgerEvent> {
  let row: LedgerEvent | undefined;
  await expect
    .poll(
      async () => {
        const response = await fetch(`${gateway.origin}/admin/v1/usage/events/${requestId}`, {
          headers: { authorization: `Bearer ${MASTER_KEY}` },
        });
        if (response.status !== 200) return response.status;
        const body = (await response.json()) as { data?: LedgerEvent } & LedgerEvent;
        row = body.data ?? body;
        return 200;
      },
      { timeout: 15_000 },
    )
    .toBe(200);
  if (row === undefined) throw new Error('no ledger row');
  return row;
}

const lastUpstream = (cloud: Cloud) => {
  const request = cloud.fake().requests.at(-1);
  if (request === undefined) throw new Error(`the fake behind ${cloud.name} received nothing`);
  return request;
};

describe.each(CLOUDS)('POST /v1/messages to $name: a pass-through', (cloud) => {
  it('forwards thinking and cache marks byte for byte and returns the message', async () => {
    const { data: message, response } = await anthropic.messages
      .create(agentRequest(cloud.model, `first question for ${cloud.name}`))
      .withResponse();
    const upstream = lastUpstream(cloud);
    expect(upstream.path).toBe(cloud.path(false));
    expect(upstream.rawBody).toBe(cloud.forwarded(sent, false));
    expect(cloud.betas(upstream)).toEqual(BETAS.split(','));
    expect(upstream.headers.authorization).toMatch(/^(AWS4-HMAC-SHA256 |Bearer )/);
    expect(response.headers.get('x-switchyard-provider')).toBe(cloud.model.split('/')[0]);
    expect(response.headers.get('x-switchyard-warnings')).toBeNull();
    const [thinking, text] = message.content;
    expect(thinking).toMatchObject({
      type: 'thinking',
      thinking: `Thinking about: first question for ${cloud.name}`,
    });
    expect(thinking?.type === 'thinking' && thinking.signature).toMatch(/=$/);
    expect(text).toEqual({ type: 'text', text: `Echo: first question for ${cloud.name}` });
  });

  it('streams thinking with its signature and text to the SDK', async () => {
    const stream = anthropic.messages.stream(agentRequest(cloud.model, 'stream this answer'));
    const deltas: string[] = [];
    stream.on('streamEvent', (event) => {
      if (event.type === 'content_block_delta') deltas.push(event.delta.type);
    });
    const final = await stream.finalMessage();
    const upstream = lastUpstream(cloud);
    expect(upstream.path).toBe(cloud.path(true));
    expect(upstream.rawBody).toBe(cloud.forwarded(sent, true));
    expect(deltas).toContain('thinking_delta');
    expect(deltas).toContain('signature_delta');
    expect(final.content.map((block) => block.type)).toEqual(['thinking', 'text']);
    expect(final.content[0]).toMatchObject({ signature: expect.stringMatching(/=$/) });
    expect(final.content[1]).toMatchObject({ type: 'text', text: 'Echo: stream this answer' });
    expect(final.stop_reason).toBe('end_turn');
    expect(final.usage.output_tokens).toBeGreaterThan(1);
  });

  it('reports cache writes then reads, streamed, to the SDK and the ledger', async () => {
    const question = `cache me on ${cloud.name} ${Date.now().toString(36)}`;
    const write = await anthropic.messages
      .stream(agentRequest(cloud.model, question))
      .withResponse();
    const written = (await write.data.finalMessage()).usage;
    expect(written.cache_creation_input_tokens).toBeGreaterThan(0);
    const read = await anthropic.messages
      .stream(agentRequest(cloud.model, question))
      .withResponse();
    const again = (await read.data.finalMessage()).usage;
    expect(again.cache_read_input_tokens).toBe(written.cache_creation_input_tokens);

    const writeRow = await ledgerRow(write.response.headers.get('x-switchyard-request-id') ?? '');
    expect(Number(writeRow.prompt_tokens)).toBe(
      written.input_tokens + (written.cache_creation_input_tokens ?? 0),
    );
    expect(Number(writeRow.completion_tokens)).toBe(written.output_tokens);
    expect({ ...writeRow, ...writeRow.extra }.cache_write_tokens).toBe(
      written.cache_creation_input_tokens,
    );
    const fiveMinute = written.cache_creation?.ephemeral_5m_input_tokens ?? 0;
    const oneHour = written.cache_creation?.ephemeral_1h_input_tokens ?? 0;
    expect(Number(writeRow.cost_usd)).toBeCloseTo(
      written.input_tokens * 3e-6 +
        fiveMinute * 3.75e-6 +
        oneHour * 6e-6 +
        written.output_tokens * 15e-6,
      12,
    );
    const readRow = await ledgerRow(read.response.headers.get('x-switchyard-request-id') ?? '');
    expect(Number(readRow.cached_tokens)).toBe(again.cache_read_input_tokens);
    expect(Number(readRow.cost_usd)).toBeCloseTo(
      again.input_tokens * 3e-6 +
        (again.cache_read_input_tokens ?? 0) * 0.3e-6 +
        (again.cache_creation_input_tokens ?? 0) * 3.75e-6 +
        again.output_tokens * 15e-6,
      12,
    );
  });

  it('counts tokens with an estimate, calling no cloud endpoint', async () => {
    const { messages, system, tools, model } = agentRequest(cloud.model, 'count me');
    const { data, response } = await anthropic.messages
      .countTokens({ model, messages, system, tools })
      .withResponse();
    expect(data.input_tokens).toBeGreaterThan(0);
    expect(response.headers.get('x-switchyard-token-count')).toBe('estimate');
    expect(cloud.fake().requests).toHaveLength(0);
  });

  it("relays the cloud's refusal of a bad thinking budget in Anthropic's shape", async () => {
    const bad = agentRequest(cloud.model, 'too small a budget');
    await expect(
      anthropic.messages.create({ ...bad, thinking: { type: 'enabled', budget_tokens: 10 } }),
    ).rejects.toBeInstanceOf(Anthropic.BadRequestError);
  });
});

describe('POST /v1/messages to other Bedrock models and broken Bedrock streams', () => {
  it('translates for a model that is not Claude (Converse)', async () => {
    const { data: message, response } = await anthropic.messages
      .create({
        model: 'bedrock/nova',
        max_tokens: 100,
        messages: [{ role: 'user', content: 'hello nova' }],
      })
      .withResponse();
    expect(bedrock.requests.at(-1)?.path).toBe(
      `/model/${encodeURIComponent('amazon.nova-pro-v1:0')}/converse`,
    );
    expect(message.content[0]).toMatchObject({ type: 'text', text: 'Echo: hello nova' });
    expect(response.headers.get('x-switchyard-provider')).toBe('bedrock');
  });

  it('ends the SDK stream with an error when Bedrock sends an exception frame', async () => {
    const stream = anthropic.messages.stream(agentRequest('bedrock/claude-breaks', 'break here'));
    const deltas: string[] = [];
    stream.on('streamEvent', (event) => {
      if (event.type === 'content_block_delta') deltas.push(event.delta.type);
    });
    await expect(stream.finalMessage()).rejects.toBeInstanceOf(Anthropic.APIError);
    expect(deltas.length).toBeGreaterThan(0);
  });
});
