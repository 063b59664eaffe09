import { type FakeGoogle, startFakeGoogle } from '@switchyard/testing';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Standalone, startStandalone } from './support/start-standalone.js';

const MASTER_KEY = 'sk-sy-e2e-google';
const UPSTREAM_KEY = 'AIzaSyFakeUpstreamKey0123456789abcdef';
let fake: FakeGoogle;
let gateway: Standalone;
let openai: OpenAI;

beforeAll(async () => {
  fake = await startFakeGoogle({ apiKeys: [UPSTREAM_KEY] });
  const yaml = `
models:
  - { id: google/gemini-test, upstream_model: gemini-test, context_length: 1048576, max_output_tokens: 65536, pricing: { prompt: "0.0000003", completion: "0.0000025" } }
  - { id: google/safety, upstream_model: safety, context_length: 1048576 }
  - { id: google/embed, kind: embedding, upstream_model: gemini-embedding-001, context_length: 2048, pricing: { prompt: "0.00000015" } }
`;
  gateway = await startStandalone({
    yaml,
    env: {
      SWITCHYARD_MASTER_KEY: MASTER_KEY,
      GOOGLE_API_KEY: UPSTREAM_KEY,
      GOOGLE_BASE_URL: fake.url,
    },
  });
  openai = new OpenAI({ baseURL: gateway.baseUrl, apiKey: MASTER_KEY, maxRetries: 0 });
});
afterAll(async () => {
  await gateway?.stop();
  await fake?.close();
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
      parameters: {
        type: 'object',
        properties: { input: { type: 'string' } },
        additionalProperties: false,
      },
    },
  },
];

describe('the openai SDK against a google/… (Gemini native) model', () => {
  it('translates a text completion: systemInstruction, generationConfig, usage', async () => {
    const completion = await openai.chat.completions.create({
      model: 'google/gemini-test',
      temperature: 0.3,
      max_tokens: 100,
      messages: [
        { role: 'system', content: 'terse' },
        { role: 'user', content: 'hi gemini' },
      ],
    });
    expect(completion.choices[0]?.message.content).toBe('Echo: hi gemini');
    expect(completion.usage?.completion_tokens).toBe(3);
    expect((completion.usage as unknown as { cost: number }).cost).toBeGreaterThan(0);
    const sent = lastUpstream();
    expect(sent.path).toMatch(/models\/gemini-test:generateContent$/);
    expect(sent.headers['x-goog-api-key']).toBe(UPSTREAM_KEY);
    expect(sent.body).toMatchObject({
      systemInstruction: { parts: [{ text: 'terse' }] },
      contents: [{ role: 'user', parts: [{ text: 'hi gemini' }] }],
      generationConfig: { temperature: 0.3, maxOutputTokens: 100 },
    });
  });

  it('streams text with usage', async () => {
    const stream = await openai.chat.completions.create({
      model: 'google/gemini-test',
      messages: [{ role: 'user', content: 'stream from gemini' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let usage: unknown;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      usage = chunk.usage ?? usage;
    }
    expect(text).toBe('Echo: stream from gemini');
    expect(usage).toMatchObject({ completion_tokens: 4 });
    expect(lastUpstream().path).toMatch(/:streamGenerateContent$/);
  });

  it('calls functions, streamed and not', async () => {
    const request = {
      model: 'google/gemini-test',
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
      tools: [{ functionDeclarations: [{ name: 'lookup' }] }],
      toolConfig: { functionCallingConfig: { mode: 'ANY' } },
    });
    const stream = await openai.chat.completions.create({ ...request, stream: true });
    let args = '';
    for await (const chunk of stream)
      args += chunk.choices[0]?.delta.tool_calls?.[0]?.function?.arguments ?? '';
    expect(JSON.parse(args)).toEqual({ input: 'find it' });
  });

  it('carries json_schema and image input', async () => {
    await openai.chat.completions.create({
      model: 'google/gemini-test',
      response_format: {
        type: 'json_schema',
        json_schema: {
          name: 'a',
          schema: { type: 'object', properties: { a: { type: 'string' } } },
        },
      },
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'look' },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
          ],
        },
      ],
    });
    const sent = lastUpstream().body as {
      contents: Array<{ parts: unknown[] }>;
      generationConfig: Record<string, unknown>;
    };
    expect(sent.contents[0]?.parts).toEqual([
      { text: 'look' },
      { inlineData: { mimeType: 'image/png', data: 'iVBORw0KGgo=' } },
    ]);
    expect(sent.generationConfig).toMatchObject({ responseMimeType: 'application/json' });
  });

  it('reports a safety block as content_filter', async () => {
    const completion = await openai.chat.completions.create({
      model: 'google/safety',
      messages: [{ role: 'user', content: 'x' }],
    });
    expect(completion.choices[0]?.finish_reason).toBe('content_filter');
  });

  it('returns embeddings, base64 as the SDK asks by default', async () => {
    const result = await openai.embeddings.create({
      model: 'google/embed',
      input: ['alpha', 'beta gamma'],
    });
    expect(result.data).toHaveLength(2);
    expect(result.data[0]?.embedding).toHaveLength(8);
    expect(typeof result.data[0]?.embedding[0]).toBe('number');
    expect(lastUpstream().path).toMatch(/:batchEmbedContents$/);
  });
});
