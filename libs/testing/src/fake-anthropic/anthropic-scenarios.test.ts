import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSse } from '../sse/parse-sse.js';
import { readSse } from '../sse/read-sse.js';
import type { SseEvent } from '../sse/sse-event.js';
import { type FakeAnthropic, startFakeAnthropic } from './start-fake-anthropic.js';

let fake: FakeAnthropic;
beforeAll(async () => {
  fake = await startFakeAnthropic();
});
afterAll(async () => {
  await fake.close();
});

function send(model: string, stream: boolean, signal?: AbortSignal): Promise<Response> {
  return fetch(`${fake.url}/messages`, {
    method: 'POST',
    headers: {
      'anthropic-version': '2023-06-01',
      'content-type': 'application/json',
      'x-api-key': 'sk-ant-api03-secret',
    },
    body: JSON.stringify({
      model,
      max_tokens: 100,
      stream,
      messages: [{ role: 'user', content: 'one two three' }],
    }),
    ...(signal === undefined ? {} : { signal }),
  });
}

function body(response: Response): AsyncIterable<Uint8Array> {
  if (response.body === null) throw new Error('no body');
  return response.body;
}

describe('scenarios', () => {
  it('error-429 is a rate_limit_error with retry-after and rate-limit headers', async () => {
    const response = await send('error-429', false);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(response.headers.get('anthropic-ratelimit-requests-remaining')).toBe('0');
    expect(await response.json()).toMatchObject({
      type: 'error',
      error: { type: 'rate_limit_error', message: expect.stringContaining('rate limit') },
      request_id: expect.stringMatching(/^req_011/),
    });
  });

  it.each([
    [529, 'overloaded_error'],
    [500, 'api_error'],
    [503, 'api_error'],
    [403, 'permission_error'],
    [418, 'invalid_request_error'],
  ])('error-%i answers %s', async (status, type) => {
    const response = await send(`error-${status}`, true);
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ type: 'error', error: { type } });
  });

  it('error-404 names the model, and error-leak quotes the x-api-key', async () => {
    expect(await (await send('error-404', false)).json()).toMatchObject({
      error: { type: 'not_found_error', message: 'model: error-404' },
    });
    const leak = await send('error-leak', false);
    expect(leak.status).toBe(401);
    expect(await leak.text()).toContain('sk-ant-api03-secret');
  });

  it('overloaded-mid-stream sends an overloaded_error event after the first text delta', async () => {
    const events = parseSse(await (await send('overloaded-mid-stream', true)).text());
    expect(events.map((event) => event.event)).toEqual([
      'message_start',
      'content_block_start',
      'ping',
      'content_block_delta',
      'error',
    ]);
    expect(JSON.parse(events.at(-1)?.data ?? '')).toEqual({
      type: 'error',
      error: { type: 'overloaded_error', message: 'Overloaded' },
      request_id: expect.stringMatching(/^req_011/),
    });
  });

  it('overloaded-mid-stream answers normally without a stream', async () => {
    const response = await send('overloaded-mid-stream', false);
    expect(await response.json()).toMatchObject({ content: [{ text: 'Echo: one two three' }] });
  });

  it('garbage sends data that is not JSON, streamed or not', async () => {
    const plain = await send('garbage', false);
    expect(plain.status).toBe(200);
    await expect(plain.json()).rejects.toThrow();
    const events = parseSse(await (await send('garbage', true)).text());
    expect(events.map((event) => event.event)).toEqual(['message_start', 'message_stop']);
    expect(() => JSON.parse(events[0]?.data ?? '')).toThrow();
  });

  it('slow-<ms> waits before answering', async () => {
    const started = performance.now();
    await (await send('slow-40', false)).json();
    expect(performance.now() - started).toBeGreaterThanOrEqual(35);
  });

  it('break-stream sends two events then destroys the socket', async () => {
    const response = await send('break-stream', true);
    const events: SseEvent[] = [];
    await expect(
      (async () => {
        for await (const event of readSse(body(response))) events.push(event);
      })(),
    ).rejects.toThrow();
    expect(events.map((event) => event.event)).toEqual(['message_start', 'content_block_start']);
  });

  it('stall-stream sends headers and message_start, then nothing', async () => {
    const controller = new AbortController();
    const response = await send('stall-stream', true, controller.signal);
    const events: SseEvent[] = [];
    const reading = (async () => {
      for await (const event of readSse(body(response))) events.push(event);
    })();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(events.map((event) => event.event)).toEqual(['message_start']);
    controller.abort();
    await expect(reading).rejects.toThrow();
  });

  it('stall-headers never answers', async () => {
    const request = send('stall-headers', false, AbortSignal.timeout(50));
    await expect(request).rejects.toThrow();
  });
});
