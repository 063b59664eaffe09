import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkResponsesBody } from '../load/check-responses-body.js';
import { createResponsesSseScanner } from '../load/create-responses-sse-scanner.js';
import { buildAnthropicReplies } from './build-anthropic-replies.js';
import { createResponsesReplier } from './build-responses-replies.js';
import { buildUpstreamReplies } from './build-upstream-replies.js';
import { createFastUpstream } from './create-fast-upstream.js';

const CHUNKS = 3;
const server = createFastUpstream({
  openai: buildUpstreamReplies(CHUNKS),
  anthropic: buildAnthropicReplies(CHUNKS),
  responses: createResponsesReplier(CHUNKS),
});
let origin = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const post = (body: unknown, headers: Record<string, string> = { authorization: 'Bearer k' }) =>
  fetch(`${origin}/v1/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

/** The stream's events as `event:` name and parsed `data:`, one per blank-line-ended block. */
function parseSse(text: string): { name: string; data: Record<string, unknown> }[] {
  return text
    .split('\n\n')
    .filter((block) => block !== '')
    .map((block) => {
      const [nameLine, dataLine, ...rest] = block.split('\n');
      expect(rest).toEqual([]);
      expect(nameLine).toMatch(/^event: /);
      expect(dataLine).toMatch(/^data: /);
      return {
        name: nameLine?.slice('event: '.length) ?? '',
        data: JSON.parse(dataLine?.slice('data: '.length) ?? '') as Record<string, unknown>,
      };
    });
}

describe('answerResponses', () => {
  it("streams a Response as OpenAI's Responses API does, ending with response.completed", async () => {
    const response = await post({ model: 'gpt-responses', input: 'hi', stream: true });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const events = parseSse(await response.text());
    expect(events.map((event) => event.name)).toEqual([
      'response.created',
      'response.in_progress',
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
    events.forEach((event, index) => {
      expect(event.data.type).toBe(event.name);
      expect(event.data.sequence_number).toBe(index);
    });
    const deltas = events.filter((event) => event.name === 'response.output_text.delta');
    expect(deltas[0]?.data).toMatchObject({
      item_id: 'msg_bench',
      output_index: 0,
      content_index: 0,
      delta: 'word0 ',
    });
    const text = deltas.map((event) => event.data.delta).join('');
    expect(events.find((event) => event.name === 'response.output_text.done')?.data.text).toBe(
      text,
    );
    expect(events[0]?.data.response).toMatchObject({ status: 'in_progress', usage: null });
    expect(events.at(-1)?.data.response).toMatchObject({
      object: 'response',
      status: 'completed',
      model: 'gpt-responses',
      output: [{ type: 'message', content: [{ type: 'output_text', text }] }],
      usage: {
        input_tokens: 9,
        input_tokens_details: { cached_tokens: 0 },
        output_tokens: CHUNKS,
        output_tokens_details: { reasoning_tokens: 0 },
        total_tokens: 9 + CHUNKS,
      },
    });
  });

  it('echoes the request’s instructions and tools in every Response, as OpenAI does', async () => {
    const tools = [{ type: 'function', name: 'read', parameters: { type: 'object' } }];
    const request = { model: 'gpt-responses', input: 'hi', instructions: 'Be brief.', tools };
    const events = parseSse(await (await post({ ...request, stream: true })).text());
    const responses = events.filter((event) => event.data.response !== undefined);
    expect(responses.map((event) => event.name)).toEqual([
      'response.created',
      'response.in_progress',
      'response.completed',
    ]);
    for (const event of responses)
      expect(event.data.response).toMatchObject({ instructions: 'Be brief.', tools });
    const other = parseSse(
      await (await post({ model: 'gpt-responses', input: 'hi', stream: true })).text(),
    );
    expect(other[0]?.data.response).toMatchObject({ instructions: null, tools: [] });
    const answer = await (await post(request)).json();
    expect(answer).toMatchObject({ instructions: 'Be brief.', tools });
  });

  it('is a stream the load generator counts as complete, one content event per chunk', async () => {
    const response = await post({ model: 'gpt-responses', input: 'hi', stream: true });
    const scanner = createResponsesSseScanner();
    // Cut mid-event, as the bytes may arrive.
    const bytes = Buffer.from(await response.arrayBuffer());
    for (let at = 0; at < bytes.length; at += 7) scanner.push(bytes.subarray(at, at + 7));
    expect(scanner).toMatchObject({
      contentEvents: CHUNKS,
      sawCompleted: true,
      sawUsage: true,
      error: undefined,
    });
  });

  it('answers a non-streamed request with the completed Response', async () => {
    const response = await post({ model: 'gpt-responses', input: 'hi' });
    expect(response.status).toBe(200);
    expect(checkResponsesBody(await response.text())).toBeUndefined();
  });

  it('refuses a request without a bearer token, in OpenAI’s error shape', async () => {
    const response = await post({ model: 'gpt-responses', input: 'hi' }, {});
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid_api_key' } });
  });
});
