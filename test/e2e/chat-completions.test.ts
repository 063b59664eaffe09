import { countFakeTokens, type FakeOpenAI, startFakeOpenAI } from '@switchyard/testing';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FAKE_UPSTREAM_KEY, fakeConfigYaml } from './support/fake-config.js';
import { type Standalone, startStandalone } from './support/start-standalone.js';

const MASTER_KEY = 'sk-sy-e2e-master-key-chat';
let fake: FakeOpenAI;
let gateway: Standalone;
let client: OpenAI;

beforeAll(async () => {
  fake = await startFakeOpenAI({ apiKeys: [FAKE_UPSTREAM_KEY] });
  gateway = await startStandalone({
    yaml: fakeConfigYaml(),
    env: { FAKE_URL: fake.url, SWITCHYARD_MASTER_KEY: MASTER_KEY },
  });
  client = new OpenAI({ baseURL: gateway.baseUrl, apiKey: MASTER_KEY, maxRetries: 0 });
});
afterAll(async () => {
  await gateway?.stop();
  await fake?.close();
});
beforeEach(() => fake.reset());

/** The fake's prompt token formula: 3 per message + its words, plus 3. */
const promptTokens = (...texts: string[]) =>
  texts.reduce((sum, text) => sum + 3 + countFakeTokens(text), 3);
const lastUpstreamBody = () => fake.requests.at(-1)?.body as Record<string, unknown>;

describe('POST /v1/chat/completions through the openai SDK', () => {
  it('returns a completion with usage and its exact cost', async () => {
    const { data, response } = await client.chat.completions
      .create({ model: 'fake/gpt', messages: [{ role: 'user', content: 'hello there' }] })
      .withResponse();
    expect(data.choices[0]?.message.content).toBe('Echo: hello there');
    const prompt = promptTokens('hello there');
    expect(data.usage).toMatchObject({
      prompt_tokens: prompt,
      completion_tokens: 3,
      total_tokens: prompt + 3,
    });
    // 8 × 0.000001 + 3 × 0.000002
    expect((data.usage as unknown as { cost: number }).cost).toBe(0.000014);
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(lastUpstreamBody().model).toBe('gpt-test');
    expect(fake.requests.at(-1)?.headers.authorization).toBe(`Bearer ${FAKE_UPSTREAM_KEY}`);
  });

  it('passes every request field on to the upstream', async () => {
    const fields = {
      temperature: 0.2,
      top_p: 0.9,
      max_tokens: 50,
      max_completion_tokens: 60,
      stop: ['\n\n'],
      n: 2,
      seed: 42,
      frequency_penalty: 0.5,
      presence_penalty: -0.5,
      user: 'user-1234',
      logit_bias: { '50256': -100 },
      response_format: {
        type: 'json_schema' as const,
        json_schema: {
          name: 'answer',
          schema: { type: 'object', properties: { a: { type: 'string' } } },
          strict: true,
        },
      },
    };
    const messages = [
      { role: 'system' as const, content: 'be brief' },
      {
        role: 'user' as const,
        content: [
          { type: 'text' as const, text: 'look' },
          { type: 'image_url' as const, image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
        ],
      },
    ];
    const completion = await client.chat.completions.create({
      model: 'fake/gpt',
      messages,
      ...fields,
    });
    expect(completion.choices).toHaveLength(2);
    expect(lastUpstreamBody()).toEqual({ model: 'gpt-test', messages, ...fields });
  });

  it('echoes the caller’s x-request-id', async () => {
    const { response } = await client.chat.completions
      .create(
        { model: 'fake/gpt', messages: [{ role: 'user', content: 'hi' }] },
        { headers: { 'x-request-id': 'trace-abc-123' } },
      )
      .withResponse();
    expect(response.headers.get('x-request-id')).toBe('trace-abc-123');
  });

  it('streams chunks and ends with the usage chunk when asked', async () => {
    const stream = await client.chat.completions.create({
      model: 'fake/gpt',
      messages: [{ role: 'user', content: 'one two three four' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    const usages: unknown[] = [];
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      if (chunk.usage) usages.push(chunk.usage);
    }
    expect(text).toBe('Echo: one two three four');
    expect(usages).toEqual([
      expect.objectContaining({
        prompt_tokens: promptTokens('one two three four'),
        completion_tokens: 5,
        cost: 0.00002,
      }),
    ]);
  });

  it('always asks the upstream for usage, but gives no usage chunk to a caller who did not ask', async () => {
    const stream = await client.chat.completions.create({
      model: 'fake/gpt',
      messages: [{ role: 'user', content: 'quiet please' }],
      stream: true,
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.some((chunk) => chunk.usage)).toBe(false);
    expect(chunks.some((chunk) => chunk.choices.length === 0)).toBe(false);
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('stop');
    expect(lastUpstreamBody().stream_options).toEqual({ include_usage: true });
    // The usage was still recorded.
    const metrics = await (await fetch(`${gateway.origin}/metrics`)).text();
    expect(metrics).toMatch(
      /switchyard_tokens_total\{[^}]*model="fake\/gpt"[^}]*direction="prompt"[^}]*\} \d+/,
    );
  });

  it('returns tool calls, streamed and not', async () => {
    const tools = [
      {
        type: 'function' as const,
        function: {
          name: 'get_weather',
          parameters: { type: 'object', properties: { input: { type: 'string' } } },
        },
      },
    ];
    const request = {
      model: 'fake/gpt',
      messages: [{ role: 'user' as const, content: 'weather in Paris' }],
      tools,
      tool_choice: 'auto' as const,
    };
    const completion = await client.chat.completions.create(request);
    const call = completion.choices[0]?.message.tool_calls?.[0];
    expect(completion.choices[0]?.finish_reason).toBe('tool_calls');
    expect(call?.type === 'function' && call.function).toEqual({
      name: 'get_weather',
      arguments: '{"input":"weather in Paris"}',
    });

    const stream = await client.chat.completions.create({ ...request, stream: true });
    let name = '';
    let args = '';
    let finish: string | null | undefined;
    for await (const chunk of stream) {
      const delta = chunk.choices[0]?.delta.tool_calls?.[0];
      name += delta?.function?.name ?? '';
      args += delta?.function?.arguments ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect({ name, args, finish }).toEqual({
      name: 'get_weather',
      args: '{"input":"weather in Paris"}',
      finish: 'tool_calls',
    });

    const followUp = await client.chat.completions.create({
      model: 'fake/gpt',
      tools,
      messages: [
        { role: 'user', content: 'weather in Paris' },
        {
          role: 'assistant',
          content: null,
          tool_calls: completion.choices[0]?.message.tool_calls ?? [],
        },
        { role: 'tool', tool_call_id: call?.id ?? '', content: 'sunny' },
      ],
      tool_choice: 'none',
    });
    expect(followUp.choices[0]?.message.content).toBe('Echo: weather in Paris');
  });

  it('prices cached prompt tokens at the cached rate', async () => {
    const completion = await client.chat.completions.create({
      model: 'fake/cached',
      messages: [{ role: 'user', content: 'a b c d e f g h' }],
    });
    const usage = completion.usage;
    const cached = usage?.prompt_tokens_details?.cached_tokens ?? 0;
    expect(cached).toBeGreaterThan(0);
    const prompt = usage?.prompt_tokens ?? 0;
    const completionTokens = usage?.completion_tokens ?? 0;
    // Uncached prompt at 1 µ$/token, cached at 0.5, completion (reasoning included) at 2.
    const expected =
      (prompt - cached) * 0.000001 + cached * 0.0000005 + completionTokens * 0.000002;
    expect((usage as unknown as { cost: number }).cost).toBeCloseTo(expected, 12);
  });
});

describe('POST /v1/embeddings', () => {
  it('returns vectors (the SDK asks for base64 and decodes) with usage', async () => {
    const result = await client.embeddings.create({
      model: 'fake/embed',
      input: ['alpha beta', 'gamma'],
    });
    expect(result.data).toHaveLength(2);
    expect(result.data[0]?.embedding).toHaveLength(8);
    expect(result.usage).toEqual({ prompt_tokens: 3, total_tokens: 3 });
    expect(lastUpstreamBody()).toMatchObject({ model: 'text-embed', encoding_format: 'base64' });
  });

  it('returns float vectors when asked', async () => {
    const result = await client.embeddings.create({
      model: 'fake/embed',
      input: 'alpha',
      encoding_format: 'float',
      dimensions: 4,
    });
    expect(result.data[0]?.embedding).toHaveLength(4);
    expect(typeof result.data[0]?.embedding[0]).toBe('number');
  });

  it('refuses a chat model on the embeddings endpoint and the other way round', async () => {
    await expect(client.embeddings.create({ model: 'fake/gpt', input: 'x' })).rejects.toMatchObject(
      { status: 400, param: 'model' },
    );
    await expect(
      client.chat.completions.create({
        model: 'fake/embed',
        messages: [{ role: 'user', content: 'x' }],
      }),
    ).rejects.toMatchObject({ status: 400 });
  });
});

describe('GET /v1/models', () => {
  it('lists the configured models with context length and prices', async () => {
    const models = [];
    for await (const model of client.models.list()) models.push(model);
    const gpt = models.find((model) => model.id === 'fake/gpt');
    expect(gpt).toMatchObject({
      object: 'model',
      owned_by: 'fake',
      name: 'Fake GPT',
      context_length: 8192,
      pricing: { prompt: '0.000001', completion: '0.000002', input_cache_read: '0.0000005' },
    });
  });

  it('retrieves one model by its provider/model id', async () => {
    const model = await client.models.retrieve('fake/gpt');
    expect(model.id).toBe('fake/gpt');
    await expect(client.models.retrieve('fake/nope')).rejects.toMatchObject({
      status: 404,
      code: 'model_not_found',
    });
  });
});
