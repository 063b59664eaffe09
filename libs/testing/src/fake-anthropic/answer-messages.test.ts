import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countFakeTokens } from '../fake-upstream/count-fake-tokens.js';
import { parseSse } from '../sse/parse-sse.js';
import { type FakeAnthropic, startFakeAnthropic } from './start-fake-anthropic.js';

let fake: FakeAnthropic;
beforeAll(async () => {
  fake = await startFakeAnthropic();
});
afterAll(async () => {
  await fake.close();
});

function send(body: Record<string, unknown>): Promise<Response> {
  return fetch(`${fake.url}/messages`, {
    method: 'POST',
    headers: { 'anthropic-version': '2023-06-01', 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'claude-test', max_tokens: 1024, messages, ...body }),
  });
}

async function message(body: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const response = await send(body);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/json');
  return (await response.json()) as Record<string, unknown>;
}

async function stream(body: Record<string, unknown> = {}) {
  const response = await send({ ...body, stream: true });
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  return parseSse(await response.text()).map((event) => ({
    event: event.event,
    data: JSON.parse(event.data) as Record<string, unknown> & { type: string },
  }));
}

const messages = [
  {
    role: 'user',
    content: [
      { type: 'text', text: 'hello big' },
      { type: 'text', text: 'world' },
    ],
  },
];
const tools = ['lookup', 'search', 'other'].map((name) => ({
  name,
  input_schema: { type: 'object' },
}));
// 3 + (3 + "You are terse.") + (3 + "hello big world")
const PROMPT_TOKENS = 3 + 3 + 3 + 3 + 3;

describe('POST /v1/messages', () => {
  it('echoes the last user text as an Anthropic message with usage', async () => {
    const body = await message({ system: 'You are terse.' });
    expect(body).toEqual({
      model: 'claude-test',
      id: expect.stringMatching(/^msg_01/),
      type: 'message',
      role: 'assistant',
      content: [{ type: 'text', text: 'Echo: hello big world' }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: {
        input_tokens: PROMPT_TOKENS,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
        cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
        output_tokens: countFakeTokens('Echo: hello big world'),
        service_tier: 'standard',
      },
    });
  });

  it('cuts the reply to max_tokens words with stop_reason max_tokens', async () => {
    const body = await message({ max_tokens: 2 });
    expect(body).toMatchObject({
      content: [{ type: 'text', text: 'Echo: hello' }],
      stop_reason: 'max_tokens',
      usage: { output_tokens: 2 },
    });
  });

  it('calls the first two tools by default, one with disable_parallel_tool_use, none with none', async () => {
    const both = await message({ tools });
    expect(both).toMatchObject({
      stop_reason: 'tool_use',
      content: [
        { type: 'tool_use', name: 'lookup', input: { input: 'hello big world' } },
        { type: 'tool_use', name: 'search', input: { input: 'hello big world' } },
      ],
    });
    expect((both.content as Array<{ id: string }>)[0]?.id).toMatch(/^toolu_01/);
    const single = await message({
      tools,
      tool_choice: { type: 'any', disable_parallel_tool_use: true },
    });
    expect(single.content).toEqual([expect.objectContaining({ name: 'lookup' })]);
    const named = await message({ tools, tool_choice: { type: 'tool', name: 'other' } });
    expect(named.content).toEqual([expect.objectContaining({ name: 'other' })]);
    const none = await message({ tools, tool_choice: { type: 'none' } });
    expect(none).toMatchObject({ stop_reason: 'end_turn', content: [{ type: 'text' }] });
  });

  it('echoes the last user turn with text, not a turn of tool results', async () => {
    const body = await message({
      tools,
      tool_choice: { type: 'none' },
      messages: [
        { role: 'user', content: 'weather please' },
        {
          role: 'assistant',
          content: [{ type: 'tool_use', id: 'toolu_1', name: 'lookup', input: {} }],
        },
        {
          role: 'user',
          content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: 'sunny and warm' }],
        },
      ],
    });
    expect(body).toMatchObject({
      content: [{ type: 'text', text: 'Echo: weather please' }],
      // 3 + (3 + 2 words) + (3 + 0) + (3 + "sunny and warm")
      usage: { input_tokens: 3 + 5 + 3 + 6 },
    });
  });

  it('streams message_start, blocks with a ping, one text_delta per word, message_delta, message_stop', async () => {
    const events = await stream({ system: [{ type: 'text', text: 'You are terse.' }] });
    expect(events.map((event) => event.event)).toEqual([
      'message_start',
      'content_block_start',
      'ping',
      'content_block_delta',
      'content_block_delta',
      'content_block_delta',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    for (const event of events) expect(event.data.type).toBe(event.event);
    expect(events[0]?.data).toMatchObject({
      message: {
        id: expect.stringMatching(/^msg_01/),
        model: 'claude-test',
        content: [],
        stop_reason: null,
        usage: { input_tokens: PROMPT_TOKENS, output_tokens: 1 },
      },
    });
    const text = events
      .filter((event) => event.event === 'content_block_delta')
      .map((event) => (event.data.delta as { type: string; text: string }).text)
      .join('');
    expect(text).toBe('Echo: hello big world');
    expect(events.at(-2)?.data).toEqual({
      type: 'message_delta',
      delta: { stop_reason: 'end_turn', stop_sequence: null },
      usage: {
        input_tokens: PROMPT_TOKENS,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
        output_tokens: 4,
      },
    });
  });

  it('streams tool_use input as input_json_delta fragments that join to the input', async () => {
    const events = await stream({ tools, tool_choice: { type: 'tool', name: 'search' } });
    expect(events[1]?.data).toMatchObject({
      type: 'content_block_start',
      index: 0,
      content_block: {
        type: 'tool_use',
        id: expect.stringMatching(/^toolu_01/),
        name: 'search',
        input: {},
      },
    });
    const fragments = events
      .filter((event) => event.event === 'content_block_delta')
      .map((event) => event.data.delta as { type: string; partial_json: string });
    expect(fragments[0]).toEqual({ type: 'input_json_delta', partial_json: '' });
    expect(fragments.length).toBeGreaterThan(2);
    expect(JSON.parse(fragments.map((fragment) => fragment.partial_json).join(''))).toEqual({
      input: 'hello big world',
    });
    expect(events.at(-2)?.data).toMatchObject({ delta: { stop_reason: 'tool_use' } });
  });

  it('cached reads half the prompt from the cache; cache-write writes half to it', async () => {
    const total = 3 + 3 + 3;
    expect(await message({ model: 'cached' })).toMatchObject({
      usage: {
        input_tokens: total - Math.floor(total / 2),
        cache_read_input_tokens: Math.floor(total / 2),
        cache_creation_input_tokens: 0,
      },
    });
    expect(await message({ model: 'cache-write' })).toMatchObject({
      usage: {
        input_tokens: total - Math.floor(total / 2),
        cache_read_input_tokens: 0,
        cache_creation_input_tokens: Math.floor(total / 2),
        cache_creation: { ephemeral_5m_input_tokens: Math.floor(total / 2) },
      },
    });
  });
});
