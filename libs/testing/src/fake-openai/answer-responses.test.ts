import { afterEach, describe, expect, it } from 'vitest';
import { createFakePool } from '../fake-upstream/create-fake-pool.js';
import { parseSse } from '../sse/parse-sse.js';
import { startFakeOpenAI } from './start-fake-openai.js';

const fakes = createFakePool(startFakeOpenAI);
afterEach(() => fakes.closeAll());
const KEY = 'sk-fake-responses';

async function post(url: string, body: unknown, key = KEY) {
  const response = await fetch(`${url}/responses`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

describe('the fake OpenAI’s /v1/responses', () => {
  it('refuses what OpenAI refuses: a bad key, chat-shaped tools, unknown items, lone outputs', async () => {
    const fake = await fakes.start({ apiKeys: [KEY] });
    expect((await post(fake.url, { model: 'm', input: 'hi' }, 'sk-wrong')).status).toBe(401);
    const cases: [unknown, string][] = [
      [{ model: 'm', messages: [] }, 'messages'],
      [
        { model: 'm', input: 'hi', tools: [{ type: 'function', function: { name: 'f' } }] },
        'tools[0].name',
      ],
      [
        { model: 'm', input: [{ type: 'function_call', name: 'f', arguments: '{}' }] },
        'input[0].call_id',
      ],
      [{ model: 'm', input: [{ type: 'bogus' }] }, 'input[0].type'],
      [
        { model: 'm', input: [{ type: 'function_call_output', call_id: 'c', output: 'x' }] },
        'input',
      ],
      [{ model: 'm', input: 'hi', previous_response_id: 'resp_unknown' }, 'previous_response_id'],
      [
        { model: 'm', input: 'hi', text: { format: { type: 'json_schema', schema: {} } } },
        'text.format.name',
      ],
    ];
    for (const [body, param] of cases) {
      const response = await post(fake.url, body);
      expect(response.status, param).toBe(400);
      expect(JSON.parse(response.text).error.param, param).toBe(param);
    }
  });

  it('answers with a Response, stored for previous_response_id unless store is false', async () => {
    const fake = await fakes.start({ apiKeys: [KEY] });
    const tools = [{ type: 'function', name: 'lookup', parameters: { type: 'object' } }];
    const first = JSON.parse((await post(fake.url, { model: 'm', input: 'weather', tools })).text);
    expect(first).toMatchObject({
      object: 'response',
      status: 'completed',
      output: [{ type: 'function_call', name: 'lookup', arguments: '{"input":"weather"}' }],
      usage: { input_tokens: 7, output_tokens: 2 },
    });
    const callId = first.output[0].call_id;
    const second = await post(fake.url, {
      model: 'm',
      previous_response_id: first.id,
      input: [{ type: 'function_call_output', call_id: callId, output: 'sunny' }],
      tools,
    });
    expect(JSON.parse(second.text).output).toMatchObject([
      { type: 'message', content: [{ type: 'output_text', text: 'Echo: weather' }] },
    ]);
    const unstored = JSON.parse(
      (await post(fake.url, { model: 'm', input: 'x', store: false })).text,
    );
    const next = await post(fake.url, {
      model: 'm',
      input: 'y',
      previous_response_id: unstored.id,
    });
    expect(next.status).toBe(400);
  });

  it('streams the typed events, numbered, ending in response.completed', async () => {
    const fake = await fakes.start({ apiKeys: [KEY] });
    const response = await post(fake.url, {
      model: 'm',
      input: 'hello there',
      stream: true,
      reasoning: { effort: 'low', summary: 'auto' },
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const events = parseSse(response.text);
    const data = events.map(
      (event) => JSON.parse(event.data) as { type: string; sequence_number: number },
    );
    expect(events.map((event) => event.event)).toEqual(data.map((event) => event.type));
    expect(data.map((event) => event.sequence_number)).toEqual(data.map((_, index) => index));
    expect(data.map((event) => event.type)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.reasoning_summary_part.added',
      'response.reasoning_summary_text.delta',
      'response.reasoning_summary_text.done',
      'response.reasoning_summary_part.done',
      'response.output_item.done',
      'response.output_item.added',
      'response.content_part.added',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
  });
});
