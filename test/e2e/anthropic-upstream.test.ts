import Anthropic from '@anthropic-ai/sdk';
import {
  type FakeAnthropic,
  type FakeOpenAI,
  startFakeAnthropic,
  startFakeOpenAI,
} from '@switchyard/testing';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Standalone, startStandalone } from './support/start-standalone.js';

const MASTER_KEY = 'sk-sy-e2e-anthropic';
const UPSTREAM_KEY = 'sk-ant-upstream-key-0123456789';
let fake: FakeAnthropic;
let backup: FakeOpenAI;
let gateway: Standalone;
let openai: OpenAI;
let anthropic: Anthropic;

beforeAll(async () => {
  [fake, backup] = await Promise.all([
    startFakeAnthropic({ apiKeys: [UPSTREAM_KEY] }),
    startFakeOpenAI(),
  ]);
  const yaml = `
upstream: { first_byte_timeout_ms: 1000, idle_timeout_ms: 1000 }
providers:
  - { name: backup, type: openai-compatible, base_url: "${backup.url}" }
models:
  - { id: anthropic/claude-test, upstream_model: claude-test, context_length: 200000, max_output_tokens: 8192, pricing: { prompt: "0.000003", completion: "0.000015", cached_prompt: "0.0000003" } }
  - { id: anthropic/cached, upstream_model: cached, context_length: 200000, max_output_tokens: 8192, pricing: { prompt: "0.000003", completion: "0.000015", cached_prompt: "0.0000003" } }
  - { id: anthropic/overloaded-mid-stream, upstream_model: overloaded-mid-stream, context_length: 200000, max_output_tokens: 8192 }
  - id: anthropic/flaky
    context_length: 200000
    max_output_tokens: 8192
    routes:
      - { provider: anthropic, upstream_model: error-529 }
      - { provider: backup, upstream_model: gpt-test }
`;
  gateway = await startStandalone({
    yaml,
    env: {
      SWITCHYARD_MASTER_KEY: MASTER_KEY,
      ANTHROPIC_API_KEY: UPSTREAM_KEY,
      ANTHROPIC_BASE_URL: fake.url,
    },
  });
  openai = new OpenAI({ baseURL: gateway.baseUrl, apiKey: MASTER_KEY, maxRetries: 0 });
  anthropic = new Anthropic({ baseURL: gateway.origin, apiKey: MASTER_KEY, maxRetries: 0 });
});
afterAll(async () => {
  await gateway?.stop();
  await Promise.all([fake?.close(), backup?.close()]);
});
beforeEach(() => fake.reset());

const lastUpstream = () =>
  fake.requests.at(-1) as {
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

describe('the openai SDK against an anthropic/… model', () => {
  it('translates a text completion, supplying max_tokens and lifting the system prompt', async () => {
    const { data, response } = await openai.chat.completions
      .create({
        model: 'anthropic/claude-test',
        messages: [
          { role: 'system', content: 'terse' },
          { role: 'user', content: 'hi claude' },
        ],
      })
      .withResponse();
    expect(data.choices[0]?.message.content).toBe('Echo: hi claude');
    expect(data.choices[0]?.finish_reason).toBe('stop');
    expect(data.usage?.completion_tokens).toBe(3);
    expect(response.headers.get('x-switchyard-provider')).toBe('anthropic');
    const sent = lastUpstream();
    expect(sent.headers['x-api-key']).toBe(UPSTREAM_KEY);
    expect(sent.headers['anthropic-version']).toBeTruthy();
    expect(sent.body).toMatchObject({
      model: 'claude-test',
      system: 'terse',
      max_tokens: 8192,
      messages: [{ role: 'user' }],
    });
  });

  it('streams text with a usage chunk', async () => {
    const stream = await openai.chat.completions.create({
      model: 'anthropic/claude-test',
      messages: [{ role: 'user', content: 'stream me please' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let usage: unknown;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      usage = chunk.usage ?? usage;
    }
    expect(text).toBe('Echo: stream me please');
    expect(usage).toMatchObject({ completion_tokens: 4, cost: expect.any(Number) });
  });

  it('calls tools, streamed and not', async () => {
    const request = {
      model: 'anthropic/claude-test',
      messages: [{ role: 'user' as const, content: 'find it' }],
      tools,
      tool_choice: 'required' as const,
    };
    const completion = await openai.chat.completions.create(request);
    const call = completion.choices[0]?.message.tool_calls?.[0];
    expect(completion.choices[0]?.finish_reason).toBe('tool_calls');
    expect(call?.type === 'function' && JSON.parse(call.function.arguments)).toEqual({
      input: 'find it',
    });
    expect(lastUpstream().body).toMatchObject({
      tool_choice: { type: 'any' },
      tools: [{ name: 'lookup', input_schema: expect.any(Object) }],
    });

    const stream = await openai.chat.completions.create({ ...request, stream: true });
    let args = '';
    for await (const chunk of stream)
      args += chunk.choices[0]?.delta.tool_calls?.[0]?.function?.arguments ?? '';
    expect(JSON.parse(args)).toEqual({ input: 'find it' });
  });

  it('carries json_schema and image input over, and reports what it could not carry', async () => {
    const { response } = await openai.chat.completions
      .create({
        model: 'anthropic/claude-test',
        seed: 7,
        response_format: {
          type: 'json_schema',
          json_schema: {
            name: 'answer',
            schema: { type: 'object', properties: { a: { type: 'string' } } },
          },
        },
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'describe' },
              { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
              { type: 'image_url', image_url: { url: 'https://example.com/cat.jpg' } },
            ],
          },
        ],
      })
      .withResponse();
    expect(response.headers.get('x-switchyard-warnings')).toMatch(/seed/);
    const content = (lastUpstream().body.messages as Array<{ content: unknown[] }>)[0]?.content;
    expect(content).toEqual([
      { type: 'text', text: 'describe' },
      { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } },
      { type: 'image', source: { type: 'url', url: 'https://example.com/cat.jpg' } },
    ]);
    expect(lastUpstream().body).toHaveProperty('output_config');
  });

  it('refuses what cannot be done honestly (n > 1) with a 400', async () => {
    await expect(
      openai.chat.completions.create({
        model: 'anthropic/claude-test',
        n: 2,
        messages: [{ role: 'user', content: 'x' }],
      }),
    ).rejects.toMatchObject({ status: 400 });
  });

  it('reports cached prompt tokens and prices them at the cached rate', async () => {
    const completion = await openai.chat.completions.create({
      model: 'anthropic/cached',
      messages: [{ role: 'user', content: 'a b c d e f' }],
    });
    expect(completion.usage?.prompt_tokens_details?.cached_tokens).toBeGreaterThan(0);
  });

  it('ends a stream with an error the SDK raises when anthropic is overloaded mid-stream', async () => {
    const stream = await openai.chat.completions.create({
      model: 'anthropic/overloaded-mid-stream',
      messages: [{ role: 'user', content: 'a b c' }],
      stream: true,
    });
    await expect(
      (async () => {
        for await (const _chunk of stream);
      })(),
    ).rejects.toBeInstanceOf(OpenAI.APIError);
  });

  it('falls back to another provider when anthropic answers 529', async () => {
    const { data, response } = await openai.chat.completions
      .create({ model: 'anthropic/flaky', messages: [{ role: 'user', content: 'hello' }] })
      .withResponse();
    expect(data.choices[0]?.message.content).toBe('Echo: hello');
    expect(response.headers.get('x-switchyard-provider')).toBe('backup');
  });
});

describe('@anthropic-ai/sdk through /v1/messages to an anthropic upstream', () => {
  it('answers text and streams', async () => {
    const message = await anthropic.messages.create({
      model: 'anthropic/claude-test',
      max_tokens: 50,
      messages: [{ role: 'user', content: 'round trip' }],
    });
    expect(message.content[0]).toMatchObject({ type: 'text', text: 'Echo: round trip' });
    const streamed = await anthropic.messages
      .stream({
        model: 'anthropic/claude-test',
        max_tokens: 50,
        messages: [{ role: 'user', content: 'round trip' }],
      })
      .finalMessage();
    expect(streamed.content[0]).toMatchObject({ type: 'text', text: 'Echo: round trip' });
    expect(streamed.usage.output_tokens).toBe(3);
  });

  it('uses tools', async () => {
    const message = await anthropic.messages.create({
      model: 'anthropic/claude-test',
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
    expect(message.stop_reason).toBe('tool_use');
    expect(message.content.find((block) => block.type === 'tool_use')).toMatchObject({
      name: 'lookup',
      input: { input: 'find it' },
    });
  });
});
