import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countFakeTokens } from '../fake-upstream/count-fake-tokens.js';
import { parseSse } from '../sse/parse-sse.js';
import { type FakeOpenAI, startFakeOpenAI } from './start-fake-openai.js';

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(async () => {
  await fake.close();
});

function chat(body: Record<string, unknown>): Promise<Response> {
  return fetch(`${fake.url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function streamChunks(body: Record<string, unknown>): Promise<unknown[]> {
  const response = await chat({ ...body, stream: true });
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const events = parseSse(await response.text());
  expect(events.at(-1)?.data).toBe('[DONE]');
  return events.slice(0, -1).map((event): unknown => JSON.parse(event.data));
}

const messages = [
  { role: 'system', content: 'You are terse.' },
  {
    role: 'user',
    content: [
      { type: 'text', text: 'hello big' },
      { type: 'text', text: 'world' },
    ],
  },
];
const tools = ['lookup', 'search', 'other'].map((name) => ({
  type: 'function',
  function: { name, parameters: { type: 'object' } },
}));

describe('POST /v1/chat/completions', () => {
  it('echoes the last user message with OpenAI’s completion shape and usage', async () => {
    const response = await chat({ model: 'gpt-4o-mini', messages });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const body: unknown = await response.json();
    expect(body).toMatchObject({
      id: expect.stringMatching(/^chatcmpl-/),
      object: 'chat.completion',
      created: expect.any(Number),
      model: 'gpt-4o-mini',
      system_fingerprint: 'fp_fake',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'Echo: hello big world' },
          logprobs: null,
          finish_reason: 'stop',
        },
      ],
      usage: {
        prompt_tokens: 3 + countFakeTokens('You are terse.') + 3 + 3 + 3,
        completion_tokens: 4,
        total_tokens: 19,
        prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
        completion_tokens_details: { reasoning_tokens: 0 },
      },
    });
  });

  it('truncates to max_tokens words with finish_reason length and returns n choices', async () => {
    const response = await chat({ model: 'm', messages, max_tokens: 2, n: 2 });
    const body = (await response.json()) as { choices: unknown[]; usage: unknown };
    expect(body.choices).toEqual([
      expect.objectContaining({
        index: 0,
        message: expect.objectContaining({ content: 'Echo: hello' }),
        finish_reason: 'length',
      }),
      expect.objectContaining({
        index: 1,
        message: expect.objectContaining({ content: 'Echo: hello' }),
        finish_reason: 'length',
      }),
    ]);
    expect(body.usage).toMatchObject({ completion_tokens: 4 });
  });

  it('calls the first two tools in parallel with the user text as input', async () => {
    const response = await chat({ model: 'm', messages, tools });
    const body = (await response.json()) as { choices: unknown[]; usage: unknown };
    const args = JSON.stringify({ input: 'hello big world' });
    expect(body.choices[0]).toMatchObject({
      message: {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: expect.stringMatching(/^call_/),
            type: 'function',
            function: { name: 'lookup', arguments: args },
          },
          {
            id: expect.stringMatching(/^call_/),
            type: 'function',
            function: { name: 'search', arguments: args },
          },
        ],
      },
      finish_reason: 'tool_calls',
    });
    expect(body.usage).toMatchObject({ completion_tokens: 2 * (countFakeTokens(args) + 1) });
  });

  it('calls only the named tool, one tool without parallel calls, and none for tool_choice none', async () => {
    const named = await chat({
      model: 'm',
      messages,
      tools,
      tool_choice: { type: 'function', function: { name: 'other' } },
    });
    expect(await named.json()).toMatchObject({
      choices: [{ message: { tool_calls: [{ function: { name: 'other' } }] } }],
    });
    const single = (await (
      await chat({ model: 'm', messages, tools, parallel_tool_calls: false })
    ).json()) as {
      choices: { message: { tool_calls: unknown[] } }[];
    };
    expect(single.choices[0]?.message.tool_calls).toHaveLength(1);
    const none = await chat({ model: 'm', messages, tools, tool_choice: 'none' });
    expect(await none.json()).toMatchObject({
      choices: [{ message: { content: 'Echo: hello big world' }, finish_reason: 'stop' }],
    });
  });

  it('streams a role chunk, one chunk per word, a finish chunk, then [DONE]', async () => {
    const chunks = await streamChunks({ model: 'gpt-4o-mini', messages });
    expect(chunks.map((chunk) => (chunk as { choices: unknown[] }).choices[0])).toEqual([
      {
        index: 0,
        delta: { role: 'assistant', content: '', refusal: null },
        logprobs: null,
        finish_reason: null,
      },
      { index: 0, delta: { content: 'Echo: ' }, logprobs: null, finish_reason: null },
      { index: 0, delta: { content: 'hello ' }, logprobs: null, finish_reason: null },
      { index: 0, delta: { content: 'big ' }, logprobs: null, finish_reason: null },
      { index: 0, delta: { content: 'world' }, logprobs: null, finish_reason: null },
      { index: 0, delta: {}, logprobs: null, finish_reason: 'stop' },
    ]);
    for (const chunk of chunks) {
      expect(chunk).toMatchObject({
        object: 'chat.completion.chunk',
        model: 'gpt-4o-mini',
        system_fingerprint: 'fp_fake',
      });
      expect(chunk).not.toHaveProperty('usage');
    }
    const ids = new Set(chunks.map((chunk) => (chunk as { id: string }).id));
    expect(ids.size).toBe(1);
  });

  it('adds usage: null to every chunk and a final empty-choices usage chunk with include_usage', async () => {
    const chunks = await streamChunks({
      model: 'm',
      messages,
      stream_options: { include_usage: true },
    });
    const last = chunks.at(-1);
    expect(last).toMatchObject({
      choices: [],
      usage: { prompt_tokens: 15, completion_tokens: 4, total_tokens: 19 },
    });
    expect(chunks.slice(0, -1).every((chunk) => (chunk as { usage: unknown }).usage === null)).toBe(
      true,
    );
    expect(chunks).toHaveLength(7);
  });

  it('streams tool calls as a header delta then argument fragments', async () => {
    const chunks = await streamChunks({ model: 'm', messages, tools: tools.slice(0, 1) });
    const deltas = chunks.map(
      (chunk) => (chunk as { choices: { delta: Record<string, unknown> }[] }).choices[0]?.delta,
    );
    expect(deltas[0]).toEqual({
      role: 'assistant',
      content: null,
      refusal: null,
      tool_calls: [
        {
          index: 0,
          id: expect.stringMatching(/^call_/),
          type: 'function',
          function: { name: 'lookup', arguments: '' },
        },
      ],
    });
    const fragments = deltas.slice(1, -1).map((delta) => {
      const calls = delta?.tool_calls as { index: number; function: { arguments: string } }[];
      expect(calls[0]?.index).toBe(0);
      return calls[0]?.function.arguments;
    });
    expect(fragments).toHaveLength(3);
    expect(fragments.join('')).toBe(JSON.stringify({ input: 'hello big world' }));
    expect(chunks.at(-1)).toMatchObject({ choices: [{ delta: {}, finish_reason: 'tool_calls' }] });
  });

  it('answers a malformed request with OpenAI’s 400 body', async () => {
    const response = await chat({ model: 'm' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        message: "Missing required parameter: 'messages'.",
        type: 'invalid_request_error',
        param: 'messages',
        code: 'missing_required_parameter',
      },
    });
  });
});
