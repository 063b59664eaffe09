import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSse } from '../sse/parse-sse.js';
import { readSse } from '../sse/read-sse.js';
import type { SseEvent } from '../sse/sse-event.js';
import { type FakeOpenAI, startFakeOpenAI } from './start-fake-openai.js';

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(async () => {
  await fake.close();
});

function stream(
  model: string,
  extra: Record<string, unknown> = {},
  signal?: AbortSignal,
): Promise<Response> {
  return fetch(`${fake.url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      model,
      messages: [{ role: 'user', content: 'one two three' }],
      stream: true,
      ...extra,
    }),
    ...(signal === undefined ? {} : { signal }),
  });
}

function body(response: Response): AsyncIterable<Uint8Array> {
  if (response.body === null) throw new Error('no body');
  return response.body;
}

describe('streamed scenarios', () => {
  it('flushes events one at a time rather than in one write', async () => {
    const response = await stream('gpt-4o-mini');
    let reads = 0;
    for await (const _ of body(response)) reads += 1;
    expect(reads).toBeGreaterThan(2);
  });

  it('stall-stream sends headers and the first chunk, then nothing', async () => {
    const controller = new AbortController();
    const response = await stream('stall-stream', {}, controller.signal);
    const events: SseEvent[] = [];
    const reading = (async () => {
      for await (const event of readSse(body(response))) events.push(event);
    })();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]?.data ?? '')).toMatchObject({
      choices: [{ delta: { role: 'assistant' } }],
    });
    controller.abort();
    await expect(reading).rejects.toThrow();
  });

  it('slow-stream-<ms> waits between chunks', async () => {
    const started = performance.now();
    const response = await stream('slow-stream-15');
    const events = parseSse(await response.text());
    expect(events).toHaveLength(7);
    expect(performance.now() - started).toBeGreaterThanOrEqual(6 * 15 - 5);
  });

  it('break-stream sends two chunks then destroys the socket', async () => {
    const response = await stream('break-stream');
    expect(response.status).toBe(200);
    const events: SseEvent[] = [];
    await expect(
      (async () => {
        for await (const event of readSse(body(response))) events.push(event);
      })(),
    ).rejects.toThrow();
    expect(events).toHaveLength(2);
  });

  it('garbage sends a data line that is not JSON, then [DONE]', async () => {
    const events = parseSse(await (await stream('garbage')).text());
    expect(events).toHaveLength(2);
    expect(() => JSON.parse(events[0]?.data ?? '')).toThrow();
    expect(events[1]?.data).toBe('[DONE]');
  });

  it('usage-in-last-choice puts usage on the finish chunk and sends no usage-only chunk', async () => {
    const response = await stream('usage-in-last-choice', {
      stream_options: { include_usage: true },
    });
    const events = parseSse(await response.text());
    const chunks = events.slice(0, -1).map((event): unknown => JSON.parse(event.data));
    expect(chunks.at(-1)).toMatchObject({
      choices: [{ finish_reason: 'stop' }],
      usage: { prompt_tokens: 9, completion_tokens: 4, total_tokens: 13 },
    });
    expect(chunks.every((chunk) => (chunk as { choices: unknown[] }).choices.length === 1)).toBe(
      true,
    );
  });

  it('cached reports cached and reasoning tokens in the usage chunk', async () => {
    const response = await stream('cached', { stream_options: { include_usage: true } });
    const events = parseSse(await response.text());
    expect(JSON.parse(events.at(-2)?.data ?? '')).toMatchObject({
      choices: [],
      usage: {
        prompt_tokens_details: { cached_tokens: 4 },
        completion_tokens_details: { reasoning_tokens: 2 },
      },
    });
  });

  it('no-usage sends no usage anywhere, even when the stream asks for it', async () => {
    const response = await stream('no-usage', { stream_options: { include_usage: true } });
    const text = await response.text();
    expect(text).toContain('"content"');
    expect(text).not.toContain('"usage"');
    const json = await fetch(`${fake.url}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'no-usage', messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(await json.json()).not.toHaveProperty('usage');
  });

  it('reports-cost adds OpenRouter’s usage.cost', async () => {
    const response = await stream('reports-cost', { stream_options: { include_usage: true } });
    const events = parseSse(await response.text());
    expect(JSON.parse(events.at(-2)?.data ?? '')).toMatchObject({ usage: { cost: 0.0004321 } });
  });
});
