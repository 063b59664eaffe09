import { afterEach, describe, expect, it } from 'vitest';
import { createFakePool } from '../fake-upstream/create-fake-pool.js';
import { waitUntil } from '../fake-upstream/wait-until.js';
import { type FakeOpenAI, startFakeOpenAI } from './start-fake-openai.js';

const fakes = createFakePool(startFakeOpenAI);
afterEach(() => fakes.closeAll());
const start = (apiKeys?: readonly string[]): Promise<FakeOpenAI> =>
  fakes.start(apiKeys === undefined ? {} : { apiKeys });

const chatBody = (model: string, stream = false): string =>
  JSON.stringify({ model, messages: [{ role: 'user', content: 'hi' }], stream });

describe('startFakeOpenAI', () => {
  it('serves under a base URL ending in /v1 and records every request', async () => {
    const fake = await start();
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    await fetch(`${fake.url}/chat/completions?trace=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-custom': 'yes' },
      body: chatBody('m'),
    });
    await fetch(`${fake.url}/models`);
    expect(fake.requests).toEqual([
      {
        method: 'POST',
        path: '/v1/chat/completions',
        headers: expect.objectContaining({ 'x-custom': 'yes', 'content-type': 'application/json' }),
        body: { model: 'm', messages: [{ role: 'user', content: 'hi' }], stream: false },
        rawBody: expect.any(String),
        receivedAt: expect.any(Number),
        responseBody: expect.any(String),
      },
      expect.objectContaining({ method: 'GET', path: '/v1/models', body: undefined }),
    ]);
    await waitUntil(() => fake.stats.completed === 2);
    expect(fake.stats).toMatchObject({ active: 0, aborted: 0, completed: 2 });
    fake.reset();
    expect(fake.requests).toEqual([]);
    expect(fake.stats).toMatchObject({ active: 0, aborted: 0, completed: 0 });
  });

  it('rejects a wrong or missing key with OpenAI’s 401 when apiKeys is set', async () => {
    const fake = await start(['sk-test-good-key-1234']);
    const wrong = await fetch(`${fake.url}/models`, {
      headers: { authorization: 'Bearer sk-test-wrong-key-9876' },
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({
      error: {
        message:
          'Incorrect API key provided: sk-test-**********9876. You can find your API key at https://platform.openai.com/account/api-keys.',
        type: 'invalid_request_error',
        param: null,
        code: 'invalid_api_key',
      },
    });
    expect((await fetch(`${fake.url}/models`)).status).toBe(401);
    const good = await fetch(`${fake.url}/models`, {
      headers: { authorization: 'Bearer sk-test-good-key-1234' },
    });
    expect(good.status).toBe(200);
  });

  it('lists models and describes any model id', async () => {
    const fake = await start();
    const list = (await (await fetch(`${fake.url}/models`)).json()) as {
      object: string;
      data: { id: string }[];
    };
    expect(list.object).toBe('list');
    expect(list.data.map((model) => model.id)).toContain('gpt-4o-mini');
    expect(await (await fetch(`${fake.url}/models/error-429`)).json()).toMatchObject({
      id: 'error-429',
      object: 'model',
    });
  });

  it('answers an unknown path with 404 and a body that is not JSON with 400', async () => {
    const fake = await start();
    const missing = await fetch(`${fake.url}/nope`, { method: 'POST' });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      error: {
        message: 'Invalid URL (POST /v1/nope)',
        type: 'invalid_request_error',
        param: null,
        code: null,
      },
    });
    const invalid = await fetch(`${fake.url}/chat/completions`, {
      method: 'POST',
      body: '{"model":',
    });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({
      error: { type: 'invalid_request_error', code: null },
    });
    expect(fake.requests.at(-1)?.body).toBe('{"model":');
  });
});
