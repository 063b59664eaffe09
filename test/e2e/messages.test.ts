import Anthropic from '@anthropic-ai/sdk';
import { type FakeOpenAI, startFakeOpenAI } from '@switchyard/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_UPSTREAM_KEY, fakeConfigYaml } from './support/fake-config.js';
import { type Standalone, startStandalone } from './support/start-standalone.js';

const MASTER_KEY = 'sk-sy-e2e-messages';
let fake: FakeOpenAI;
let gateway: Standalone;
let anthropic: Anthropic;

beforeAll(async () => {
  fake = await startFakeOpenAI({ apiKeys: [FAKE_UPSTREAM_KEY] });
  gateway = await startStandalone({
    yaml: fakeConfigYaml(),
    env: { FAKE_URL: fake.url, SWITCHYARD_MASTER_KEY: MASTER_KEY },
  });
  anthropic = new Anthropic({ baseURL: gateway.origin, apiKey: MASTER_KEY, maxRetries: 0 });
});
afterAll(async () => {
  await gateway?.stop();
  await fake?.close();
});

const weatherTool = {
  name: 'get_weather',
  description: 'Weather for a place',
  input_schema: { type: 'object' as const, properties: { input: { type: 'string' } } },
};

describe('POST /v1/messages with @anthropic-ai/sdk, served by an OpenAI-compatible upstream', () => {
  it('answers a message with text and usage', async () => {
    const message = await anthropic.messages.create({
      model: 'fake/gpt',
      max_tokens: 100,
      system: 'be brief',
      messages: [{ role: 'user', content: 'hello there' }],
    });
    expect(message).toMatchObject({
      type: 'message',
      role: 'assistant',
      model: 'fake/gpt',
      stop_reason: 'end_turn',
      content: [{ type: 'text', text: 'Echo: hello there' }],
    });
    expect(message.usage.output_tokens).toBe(3);
    expect(message.usage.input_tokens).toBeGreaterThan(0);
    const sent = fake.requests.at(-1)?.body as Record<string, unknown>;
    expect(sent).toMatchObject({
      model: 'gpt-test',
      max_tokens: 100,
      messages: [
        { role: 'system', content: 'be brief' },
        { role: 'user', content: 'hello there' },
      ],
    });
  });

  it('streams the answer as Anthropic events', async () => {
    const stream = anthropic.messages.stream({
      model: 'fake/gpt',
      max_tokens: 100,
      messages: [{ role: 'user', content: 'one two three' }],
    });
    const events: string[] = [];
    let text = '';
    stream.on('text', (delta) => {
      text += delta;
    });
    for await (const event of stream) events.push(event.type);
    const final = await stream.finalMessage();
    expect(text).toBe('Echo: one two three');
    expect(events[0]).toBe('message_start');
    expect(events.at(-1)).toBe('message_stop');
    expect(final.stop_reason).toBe('end_turn');
    expect(final.usage.output_tokens).toBe(4);
  });

  it('uses tools, streamed and not, and takes tool results back', async () => {
    const request = {
      model: 'fake/gpt',
      max_tokens: 100,
      tools: [weatherTool],
      messages: [{ role: 'user' as const, content: 'weather in Oslo' }],
    };
    const message = await anthropic.messages.create(request);
    expect(message.stop_reason).toBe('tool_use');
    const toolUse = message.content.find((block) => block.type === 'tool_use');
    expect(toolUse).toMatchObject({
      type: 'tool_use',
      name: 'get_weather',
      input: { input: 'weather in Oslo' },
    });

    const streamed = await anthropic.messages.stream(request).finalMessage();
    expect(streamed.content.find((block) => block.type === 'tool_use')).toMatchObject({
      name: 'get_weather',
      input: { input: 'weather in Oslo' },
    });

    const followUp = await anthropic.messages.create({
      ...request,
      tool_choice: { type: 'none' },
      messages: [
        ...request.messages,
        { role: 'assistant', content: message.content },
        {
          role: 'user',
          content: [
            {
              type: 'tool_result',
              tool_use_id: toolUse?.type === 'tool_use' ? toolUse.id : '',
              content: 'sunny',
            },
          ],
        },
      ],
    });
    expect(followUp.content[0]).toMatchObject({ type: 'text', text: 'Echo: weather in Oslo' });
    const sent = fake.requests.at(-1)?.body as { messages: Array<Record<string, unknown>> };
    expect(sent.messages.at(-1)).toMatchObject({ role: 'tool', content: 'sunny' });
  });

  it('answers errors in Anthropic’s error shape', async () => {
    await expect(
      anthropic.messages.create({
        model: 'nobody/nothing',
        max_tokens: 10,
        messages: [{ role: 'user', content: 'x' }],
      }),
    ).rejects.toMatchObject({
      status: 404,
      error: { type: 'error', error: { type: 'not_found_error' } },
    });
    const wrongKey = new Anthropic({
      baseURL: gateway.origin,
      apiKey: 'sk-sy-wrong',
      maxRetries: 0,
    });
    await expect(
      wrongKey.messages.create({
        model: 'fake/gpt',
        max_tokens: 10,
        messages: [{ role: 'user', content: 'x' }],
      }),
    ).rejects.toBeInstanceOf(Anthropic.AuthenticationError);
    await expect(
      anthropic.messages.create({
        model: 'fake/error-429',
        max_tokens: 10,
        messages: [{ role: 'user', content: 'x' }],
      }),
    ).rejects.toBeInstanceOf(Anthropic.RateLimitError);
    const response = await fetch(`${gateway.origin}/v1/messages`, {
      method: 'POST',
      headers: {
        'x-api-key': MASTER_KEY,
        'content-type': 'application/json',
        'anthropic-version': '2023-06-01',
      },
      body: '{"model": "fake/gpt", "max_tokens": "lots"',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      type: 'error',
      error: { type: 'invalid_request_error' },
    });
  });

  it('ends a stream that fails upstream with an Anthropic error event', async () => {
    const stream = anthropic.messages.stream({
      model: 'fake/break-stream',
      max_tokens: 50,
      messages: [{ role: 'user', content: 'a b c d' }],
    });
    await expect(stream.finalMessage()).rejects.toThrow();
  });
});
