import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeOpenAI, startFakeOpenAI } from './start-fake-openai.js';

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(async () => {
  await fake.close();
});

const messages = [{ role: 'user', content: 'hi' }];

function chat(
  model: string,
  init: { stream?: boolean; headers?: Record<string, string>; signal?: AbortSignal } = {},
) {
  return fetch(`${fake.url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...init.headers },
    body: JSON.stringify({ model, messages, stream: init.stream ?? false }),
    ...(init.signal === undefined ? {} : { signal: init.signal }),
  });
}

describe('request scenarios', () => {
  it('error-400 answers invalid_value on messages', async () => {
    const response = await chat('error-400');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        message: expect.any(String),
        type: 'invalid_request_error',
        param: 'messages',
        code: 'invalid_value',
      },
    });
  });

  it('error-429 answers rate_limit_exceeded with retry-after and x-ratelimit headers', async () => {
    const response = await chat('error-429', { stream: true });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(response.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(response.headers.get('x-ratelimit-reset-tokens')).toBe('7s');
    expect(await response.json()).toMatchObject({
      error: { code: 'rate_limit_exceeded', param: null },
    });
  });

  it.each([500, 502, 503])('error-%i answers a server_error', async (status) => {
    const response = await chat(`error-${status}`);
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({
      error: { type: 'server_error', param: null, code: null },
    });
  });

  it('error-leak answers 401 quoting the full bearer value', async () => {
    const response = await chat('error-leak', {
      headers: { authorization: 'Bearer sk-secret-upstream-key' },
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { error: { message: string; code: string } };
    expect(body.error.message).toContain('sk-secret-upstream-key');
    expect(body.error.code).toBe('invalid_api_key');
  });

  it('slow-<ms> waits before sending headers', async () => {
    const started = performance.now();
    const response = await chat('slow-60');
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ model: 'slow-60' });
  });

  it('stall-headers never answers until the client gives up', async () => {
    await expect(chat('stall-headers', { signal: AbortSignal.timeout(50) })).rejects.toThrow();
  });

  it('garbage answers 200 application/json with a body that is not JSON', async () => {
    const response = await chat('garbage');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const text = await response.text();
    expect(() => JSON.parse(text)).toThrow();
  });

  it('break-stream cuts a non-streaming body halfway', async () => {
    const response = await chat('break-stream');
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
  });

  it('cached reports cached and reasoning tokens', async () => {
    const response = await chat('cached');
    expect(await response.json()).toMatchObject({
      usage: {
        prompt_tokens: 7,
        completion_tokens: 4,
        prompt_tokens_details: { cached_tokens: 3 },
        completion_tokens_details: { reasoning_tokens: 2 },
      },
    });
  });
});
