import { join } from 'node:path';
import {
  type FakeAnthropic,
  type FakeBedrock,
  startFakeAnthropic,
  startFakeBedrock,
} from '@switchyard/testing';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Standalone, startStandalone } from './support/start-standalone.js';

const MASTER_KEY = 'sk-sy-e2e-bedrock';
const STATIC_KEY = {
  accessKeyId: 'AKIAE2ESTATICKEY0001',
  secretAccessKey: 'e2e/static+secret/0001',
};
// Temporary credentials, as the AWS chain finds them in the environment (or gets them from STS).
const TEMPORARY_KEY = {
  accessKeyId: 'ASIAE2ETEMPORARY0002',
  secretAccessKey: 'e2e/temporary+secret/0002',
  sessionToken: 'IQoJb3JpZ2luX2VjEE2eSessionToken/0002+==',
};
const CLAUDE = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';
const PRICING = '{ prompt: "0.000003", completion: "0.000015", cached_prompt: "0.0000003" }';

const ANTHROPIC_KEY = 'sk-ant-e2e-bedrock-fallback-0000';
let fake: FakeBedrock;
let anthropic: FakeAnthropic;
let gateway: Standalone;
let openai: OpenAI;

beforeAll(async () => {
  fake = await startFakeBedrock({ credentials: [STATIC_KEY, TEMPORARY_KEY], region: 'eu-west-1' });
  anthropic = await startFakeAnthropic({ apiKeys: [ANTHROPIC_KEY] });
  const yaml = `
providers:
  - { name: anthropic, type: anthropic, base_url: "${anthropic.url}", keys: ["${ANTHROPIC_KEY}"] }
  - { name: bedrock, type: bedrock, base_url: "${fake.url}", region: eu-west-1, keys: ["${STATIC_KEY.accessKeyId}:${STATIC_KEY.secretAccessKey}"] }
  - { name: bedrock-wrong, type: bedrock, base_url: "${fake.url}", region: eu-west-1, keys: ["${STATIC_KEY.accessKeyId}:not-the-secret"] }
  - { name: bedrock-chain, type: bedrock, base_url: "${fake.url}", region: eu-west-1 }
models:
  - { id: bedrock/claude, provider: bedrock, upstream_model: "${CLAUDE}", context_length: 200000, pricing: ${PRICING} }
  - { id: bedrock/cached, provider: bedrock, upstream_model: cached, context_length: 200000, pricing: ${PRICING} }
  - { id: bedrock/throttled, provider: bedrock, upstream_model: error-429, context_length: 200000 }
  - { id: bedrock/throttled-mid-stream, provider: bedrock, upstream_model: throttled-mid-stream, context_length: 200000 }
  - { id: bedrock-wrong/claude, provider: bedrock-wrong, upstream_model: "${CLAUDE}", context_length: 200000 }
  - { id: bedrock-chain/claude, provider: bedrock-chain, upstream_model: "${CLAUDE}", context_length: 200000 }
  - { id: bedrock/titan-embed, kind: embedding, provider: bedrock, upstream_model: "amazon.titan-embed-text-v2:0", context_length: 8192, pricing: { prompt: "0.00000002" } }
  - { id: bedrock/cohere-embed, kind: embedding, provider: bedrock, upstream_model: cohere.embed-english-v3, context_length: 512 }
  - id: claude/fallback
    context_length: 200000
    routes:
      - { provider: anthropic, upstream_model: error-529, pricing: { prompt: "0.000001", completion: "0.000001" } }
      - { provider: bedrock, upstream_model: "${CLAUDE}", priority: 1, pricing: ${PRICING} }
`;
  gateway = await startStandalone({
    yaml,
    env: {
      SWITCHYARD_MASTER_KEY: MASTER_KEY,
      // The keyless provider signs with the AWS default chain, which reads these first.
      AWS_ACCESS_KEY_ID: TEMPORARY_KEY.accessKeyId,
      AWS_SECRET_ACCESS_KEY: TEMPORARY_KEY.secretAccessKey,
      AWS_SESSION_TOKEN: TEMPORARY_KEY.sessionToken,
      AWS_CONFIG_FILE: join('/nonexistent', 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join('/nonexistent', 'credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
    },
  });
  openai = new OpenAI({ baseURL: gateway.baseUrl, apiKey: MASTER_KEY, maxRetries: 0 });
});
afterAll(async () => {
  await gateway?.stop();
  await fake?.close();
  await anthropic?.close();
});
beforeEach(() => fake.reset());

const lastUpstream = () =>
  fake.requests.at(-1) as {
    path: string;
    headers: Record<string, string | undefined>;
    body: Record<string, unknown>;
  };
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

describe('the openai SDK against a bedrock model (Converse, SigV4)', () => {
  it('translates a chat completion, signed for the region, with usage and cost', async () => {
    const completion = await openai.chat.completions.create({
      model: 'bedrock/claude',
      max_tokens: 100,
      temperature: 0.2,
      messages: [
        { role: 'system', content: 'terse' },
        { role: 'user', content: 'hi bedrock' },
      ],
    });
    expect(completion.choices[0]?.message.content).toBe('Echo: hi bedrock');
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    // 3 + (3 + 1 word of system) + (3 + 2 words): the fake's count.
    expect(completion.usage).toMatchObject({ prompt_tokens: 12, completion_tokens: 3 });
    expect((completion.usage as unknown as { cost: number }).cost).toBeGreaterThan(0);
    const sent = lastUpstream();
    expect(sent.path).toBe(`/model/${encodeURIComponent(CLAUDE)}/converse`);
    expect(sent.headers.authorization).toMatch(
      new RegExp(
        `^AWS4-HMAC-SHA256 Credential=${STATIC_KEY.accessKeyId}/\\d{8}/eu-west-1/bedrock/aws4_request, SignedHeaders=[^,]*host[^,]*, Signature=[0-9a-f]{64}$`,
      ),
    );
    expect(sent.body).toMatchObject({
      system: [{ text: 'terse' }],
      messages: [{ role: 'user', content: [{ text: 'hi bedrock' }] }],
      inferenceConfig: { maxTokens: 100, temperature: 0.2 },
    });
  });

  it('streams ConverseStream event frames as OpenAI chunks, usage last', async () => {
    const stream = await openai.chat.completions.create({
      model: 'bedrock/claude',
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: 'user', content: 'stream me please' }],
    });
    let text = '';
    let finish: string | null | undefined;
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
      usage = chunk.usage ?? usage;
    }
    expect(text).toBe('Echo: stream me please');
    expect(finish).toBe('stop');
    expect(usage).toMatchObject({ prompt_tokens: 9, completion_tokens: 4 });
    expect(lastUpstream().path).toMatch(/\/converse-stream$/);
  });

  it('calls tools and carries the result back, streamed and not', async () => {
    const first = await openai.chat.completions.create({
      model: 'bedrock/claude',
      tools,
      tool_choice: 'required',
      messages: [{ role: 'user', content: 'find cats' }],
    });
    const call = first.choices[0]?.message.tool_calls?.[0];
    expect(first.choices[0]?.finish_reason).toBe('tool_calls');
    expect(call?.type === 'function' && call.function.name).toBe('lookup');
    expect(call?.type === 'function' && JSON.parse(call.function.arguments)).toEqual({
      input: 'find cats',
    });
    expect(lastUpstream().body.toolConfig).toMatchObject({ toolChoice: { any: {} } });
    if (call?.type !== 'function') throw new Error('no function call');

    // Converse has no tool_choice none: the tools still go (the conversation holds tool calls) and
    // the caller is told in x-switchyard-warnings.
    const { response } = await openai.chat.completions
      .create({
        model: 'bedrock/claude',
        tools,
        messages: [
          { role: 'user', content: 'find cats' },
          { role: 'assistant', content: null, tool_calls: [call] },
          { role: 'tool', tool_call_id: call.id, content: 'three cats' },
          { role: 'user', content: 'thanks' },
        ],
        tool_choice: 'none',
      })
      .withResponse();
    expect(response.headers.get('x-switchyard-warnings')).toContain('tool_choice none');
    expect(lastUpstream().body.messages).toEqual([
      { role: 'user', content: [{ text: 'find cats' }] },
      {
        role: 'assistant',
        content: [
          { toolUse: { toolUseId: call.id, name: 'lookup', input: { input: 'find cats' } } },
        ],
      },
      {
        role: 'user',
        content: [
          { toolResult: { toolUseId: call.id, content: [{ text: 'three cats' }] } },
          { text: 'thanks' },
        ],
      },
    ]);

    const stream = await openai.chat.completions.create({
      model: 'bedrock/claude',
      stream: true,
      tools,
      tool_choice: { type: 'function', function: { name: 'lookup' } },
      messages: [{ role: 'user', content: 'stream a call' }],
    });
    let args = '';
    let name = '';
    for await (const chunk of stream) {
      const delta = chunk.choices[0]?.delta.tool_calls?.[0];
      name += delta?.function?.name ?? '';
      args += delta?.function?.arguments ?? '';
    }
    expect(name).toBe('lookup');
    expect(JSON.parse(args)).toEqual({ input: 'stream a call' });
  });

  it('reports cache reads in usage and prices them', async () => {
    const completion = await openai.chat.completions.create({
      model: 'bedrock/cached',
      messages: [{ role: 'user', content: 'cache this prompt please' }],
    });
    // P = 3 + (3 + 4) = 10: half read from the cache.
    expect(completion.usage).toMatchObject({
      prompt_tokens: 10,
      prompt_tokens_details: { cached_tokens: 5 },
    });
  });

  it('signs with temporary credentials from the AWS chain when the provider has no keys', async () => {
    const completion = await openai.chat.completions.create({
      model: 'bedrock-chain/claude',
      messages: [{ role: 'user', content: 'from the chain' }],
    });
    expect(completion.choices[0]?.message.content).toBe('Echo: from the chain');
    const sent = lastUpstream();
    expect(sent.headers.authorization).toContain(`Credential=${TEMPORARY_KEY.accessKeyId}/`);
    expect(sent.headers['x-amz-security-token']).toBe(TEMPORARY_KEY.sessionToken);
  });

  it('turns a signature the fake refuses into a clear upstream auth error, with no secret in it', async () => {
    const error = await openai.chat.completions
      .create({ model: 'bedrock-wrong/claude', messages: [{ role: 'user', content: 'hi' }] })
      .then(
        () => undefined,
        (caught: unknown) => caught,
      );
    expect(error).toBeInstanceOf(OpenAI.APIError);
    const apiError = error as InstanceType<typeof OpenAI.APIError>;
    expect(apiError.status).toBe(502);
    expect(apiError.code).toBe('upstream_auth_failed');
    expect(apiError.message).toContain('bedrock-wrong');
    expect(apiError.message).toContain('signature we calculated does not match');
    const text = JSON.stringify(apiError.error);
    expect(text).not.toContain('not-the-secret');
    expect(text).not.toContain(STATIC_KEY.accessKeyId);
    expect(gateway.output()).not.toContain('not-the-secret');
  });

  it('maps ThrottlingException to 429 and a throttled stream to an error event', async () => {
    await expect(
      openai.chat.completions.create({
        model: 'bedrock/throttled',
        messages: [{ role: 'user', content: 'hi' }],
      }),
    ).rejects.toMatchObject({ status: 429, code: 'rate_limit_exceeded' });

    const stream = await openai.chat.completions.create({
      model: 'bedrock/throttled-mid-stream',
      stream: true,
      messages: [{ role: 'user', content: 'hello there friend' }],
    });
    let text = '';
    const consumed = (async () => {
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    })();
    await expect(consumed).rejects.toThrow(/Too many requests/);
    expect(text).toBe('Echo: ');
  });

  it('falls back from anthropic to bedrock and bills the request once, at the bedrock price', async () => {
    const { data, response } = await openai.chat.completions
      .create({ model: 'claude/fallback', messages: [{ role: 'user', content: 'fall back now' }] })
      .withResponse();
    expect(data.choices[0]?.message.content).toBe('Echo: fall back now');
    expect(response.headers.get('x-switchyard-provider')).toBe('bedrock');
    expect(response.headers.get('x-switchyard-attempts')).toBe('2');
    expect(anthropic.requests).toHaveLength(1);
    // 3 + (3 + 3 words) = 9 prompt tokens and 4 completion tokens at the bedrock route's price.
    const cost = 9 * 0.000003 + 4 * 0.000015;
    expect((data.usage as unknown as { cost: number }).cost).toBeCloseTo(cost, 12);
    const requestId = response.headers.get('x-switchyard-request-id');
    const generation = async () =>
      fetch(`${gateway.origin}/v1/generation?id=${requestId}`, {
        headers: { authorization: `Bearer ${MASTER_KEY}` },
      });
    await expect.poll(async () => (await generation()).status, { timeout: 10_000 }).toBe(200);
    const row = ((await (await generation()).json()) as { data: Record<string, unknown> }).data;
    expect(row).toMatchObject({
      provider_name: 'bedrock',
      upstream_model: CLAUDE,
      attempts: 2,
      fallback_used: true,
      tokens_prompt: 9,
      tokens_completion: 4,
      total_cost_usd: '0.000087',
    });
  });

  it('embeds through invoke: Titan one text with its dimensions, Cohere a batch', async () => {
    const titan = await openai.embeddings.create({
      model: 'bedrock/titan-embed',
      input: 'embed these words',
      dimensions: 256,
      encoding_format: 'float',
    });
    expect(titan.data).toHaveLength(1);
    expect(titan.data[0]?.embedding).toHaveLength(256);
    expect(titan.usage.prompt_tokens).toBe(3);
    expect(lastUpstream().path).toBe(
      `/model/${encodeURIComponent('amazon.titan-embed-text-v2:0')}/invoke`,
    );
    expect(lastUpstream().body).toEqual({ inputText: 'embed these words', dimensions: 256 });

    const cohere = await openai.embeddings.create({
      model: 'bedrock/cohere-embed',
      input: ['first text', 'second text'],
      encoding_format: 'float',
    });
    expect(cohere.data.map((item) => item.index)).toEqual([0, 1]);
    expect(cohere.data[0]?.embedding).toHaveLength(1024);
    expect(cohere.data[0]?.embedding).not.toEqual(cohere.data[1]?.embedding);

    await expect(
      openai.embeddings.create({ model: 'bedrock/titan-embed', input: ['a', 'b'] }),
    ).rejects.toMatchObject({ status: 400, code: 'unsupported_parameter' });
  });
});
