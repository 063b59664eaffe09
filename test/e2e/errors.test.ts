import { type FakeOpenAI, startFakeOpenAI } from '@switchyard/testing';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_UPSTREAM_KEY, fakeConfigYaml } from './support/fake-config.js';
import { type Standalone, startStandalone } from './support/start-standalone.js';

const MASTER_KEY = 'sk-sy-e2e-master-key-errors';
let fake: FakeOpenAI;
let gateway: Standalone;
let client: OpenAI;

beforeAll(async () => {
  fake = await startFakeOpenAI({ apiKeys: [FAKE_UPSTREAM_KEY] });
  gateway = await startStandalone({
    yaml: fakeConfigYaml({ bodyLimitBytes: 65536 }),
    env: { FAKE_URL: fake.url, SWITCHYARD_MASTER_KEY: MASTER_KEY },
  });
  client = new OpenAI({ baseURL: gateway.baseUrl, apiKey: MASTER_KEY, maxRetries: 0 });
});
afterAll(async () => {
  await gateway?.stop();
  await fake?.close();
});

const hello = [{ role: 'user' as const, content: 'hello' }];
const chat = (model: string, extra: Record<string, unknown> = {}) =>
  client.chat.completions.create({ model, messages: hello, ...extra });
const streamChat = (model: string) =>
  client.chat.completions.create({ model, messages: hello, stream: true });

/** Posts raw bytes, for what the SDK would never send. */
async function post(path: string, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${gateway.baseUrl}${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${MASTER_KEY}`,
      'content-type': 'application/json',
      ...headers,
    },
    body,
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as { error: Record<string, unknown> },
  };
}

/** Reads a stream to its end, returning the text and the error it raised, if any. */
async function drain(stream: AsyncIterable<OpenAI.Chat.Completions.ChatCompletionChunk>) {
  let text = '';
  try {
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
  } catch (error: unknown) {
    return { text, error };
  }
  return { text, error: undefined };
}

describe('client errors', () => {
  it('401 missing_api_key without a key, invalid_api_key with a wrong one', async () => {
    const missing = await post('/chat/completions', '{}', { authorization: '' });
    expect(missing.status).toBe(401);
    expect(missing.body.error).toEqual({
      message: expect.stringContaining('Missing API key'),
      type: 'authentication_error',
      code: 'missing_api_key',
      param: null,
    });
    const wrong = new OpenAI({ baseURL: gateway.baseUrl, apiKey: 'sk-sy-wrong', maxRetries: 0 });
    await expect(
      wrong.chat.completions.create({ model: 'fake/gpt', messages: hello }),
    ).rejects.toMatchObject({
      status: 401,
      code: 'invalid_api_key',
      type: 'authentication_error',
    });
  });

  it('400 for malformed JSON', async () => {
    const response = await post('/chat/completions', '{"model": "fake/gpt", "messages": [');
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({
      type: 'invalid_request_error',
      code: 'invalid_request',
    });
    expect(String(response.body.error.message)).toMatch(/Malformed JSON/);
  });

  it('400 naming the field for a wrong type', async () => {
    await expect(chat('fake/gpt', { temperature: 'hot' })).rejects.toMatchObject({
      status: 400,
      type: 'invalid_request_error',
      param: 'temperature',
    });
    await expect(
      client.chat.completions.create({ model: 'fake/gpt', messages: [] }),
    ).rejects.toMatchObject({
      status: 400,
      param: 'messages',
    });
  });

  it('404 model_not_found for an unknown model', async () => {
    await expect(chat('nobody/nothing')).rejects.toMatchObject({
      status: 404,
      code: 'model_not_found',
      param: 'model',
    });
  });

  it('413 request_too_large above the body limit', async () => {
    const big = JSON.stringify({
      model: 'fake/gpt',
      messages: [{ role: 'user', content: 'x'.repeat(70_000) }],
    });
    const response = await post('/chat/completions', big);
    expect(response.status).toBe(413);
    expect(response.body.error).toMatchObject({
      type: 'invalid_request_error',
      code: 'request_too_large',
    });
  });

  it('404 in the error body for an unknown route, never HTML', async () => {
    const response = await post('/nowhere', '{}');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(response.headers.get('x-request-id')).toBeTruthy();
  });
});

describe('upstream errors', () => {
  it('keeps an upstream 400 and its message', async () => {
    await expect(chat('fake/error-400')).rejects.toMatchObject({
      status: 400,
      type: 'invalid_request_error',
      code: 'invalid_value',
    });
  });

  it('turns an upstream 429 into 429 with retry-after', async () => {
    const error = await chat('fake/error-429').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    const rateLimit = error as InstanceType<typeof OpenAI.RateLimitError>;
    expect(rateLimit.code).toBe('rate_limit_exceeded');
    expect(rateLimit.headers.get('retry-after')).toBe('7');
  });

  it('turns an upstream 500 into 502 upstream_error and a 503 into 503 overloaded', async () => {
    await expect(chat('fake/error-500')).rejects.toMatchObject({
      status: 502,
      type: 'upstream_error',
      code: 'upstream_error',
    });
    await expect(chat('fake/error-503')).rejects.toMatchObject({ status: 503, code: 'overloaded' });
  });

  it('never lets the upstream credential out, even when the upstream echoes it', async () => {
    const response = await post(
      '/chat/completions',
      JSON.stringify({ model: 'fake/error-leak', messages: hello }),
    );
    expect(response.status).toBe(502);
    expect(response.body.error.code).toBe('upstream_auth_failed');
    expect(JSON.stringify(response.body)).not.toContain(FAKE_UPSTREAM_KEY);
    expect(JSON.stringify(response.body)).not.toContain(FAKE_UPSTREAM_KEY.slice(0, 12));
  });

  it('502 for a malformed upstream body', async () => {
    await expect(chat('fake/garbage')).rejects.toMatchObject({
      status: 502,
      code: 'upstream_malformed_response',
    });
  });

  it('502 upstream_unreachable when nothing listens upstream', async () => {
    await expect(chat('dead/gpt')).rejects.toMatchObject({
      status: 502,
      code: 'upstream_unreachable',
    });
  });

  it('504 when the upstream does not answer within the first-byte timeout', async () => {
    const started = Date.now();
    await expect(chat('fake/stall-headers')).rejects.toMatchObject({
      status: 504,
      type: 'timeout_error',
      code: 'upstream_timeout',
    });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('waits for a slow upstream that is within its timeouts', async () => {
    const completion = await chat('fake/slow-300');
    expect(completion.choices[0]?.message.content).toBe('Echo: hello');
  });
});

describe('stream failures after the first byte', () => {
  it('ends a stalled stream with an error event the SDK raises', async () => {
    const { text, error } = await drain(await streamChat('fake/stall-stream'));
    expect(text).not.toBe('Echo: hello');
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect(String((error as Error).message)).toMatch(/stopped sending/);
  });

  it('ends a broken stream with an error event the SDK raises', async () => {
    const { error } = await drain(await streamChat('fake/break-stream'));
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect(String((error as Error).message)).toMatch(/lost|failed/);
  });

  it('aborts the upstream request when the client disconnects mid-stream', async () => {
    fake.reset();
    const controller = new AbortController();
    const stream = await client.chat.completions.create(
      {
        model: 'fake/slow-stream-100',
        messages: [{ role: 'user', content: 'a b c d e f g h i j k l' }],
        stream: true,
      },
      { signal: controller.signal },
    );
    for await (const _chunk of stream) {
      controller.abort();
      break;
    }
    await expect.poll(() => fake.stats.aborted, { timeout: 3000 }).toBe(1);
    expect(fake.stats.active).toBe(0);
    // The abandoned stream is still counted, as 499.
    await expect
      .poll(async () => (await fetch(`${gateway.origin}/metrics`)).text())
      .toMatch(
        /switchyard_http_requests_total\{[^}]*status="499",model="fake\/slow-stream-100"[^}]*\} 1/,
      );
  });
});
