import { afterEach, describe, expect, it } from 'vitest';
import { createFakePool } from '../fake-upstream/create-fake-pool.js';
import { waitUntil } from '../fake-upstream/wait-until.js';
import { type FakeAnthropic, startFakeAnthropic } from './start-fake-anthropic.js';

const fakes = createFakePool(startFakeAnthropic);
afterEach(() => fakes.closeAll());
const start = (apiKeys?: readonly string[]): Promise<FakeAnthropic> =>
  fakes.start(apiKeys === undefined ? {} : { apiKeys });

const VERSION = { 'anthropic-version': '2023-06-01', 'content-type': 'application/json' };
const messagesBody = (model: string, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ model, max_tokens: 64, messages: [{ role: 'user', content: 'hi' }], ...extra });

function post(
  fake: FakeAnthropic,
  body: string,
  headers: Record<string, string> = VERSION,
  path = '/messages',
): Promise<Response> {
  return fetch(`${fake.url}${path}`, { method: 'POST', headers, body });
}

describe('startFakeAnthropic', () => {
  it('serves /messages under a base URL ending in /v1 and records every request', async () => {
    const fake = await start();
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const response = await post(fake, messagesBody('claude-test'), {
      ...VERSION,
      'x-custom': 'yes',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('request-id')).toMatch(/^req_011/);
    expect(fake.requests).toEqual([
      {
        method: 'POST',
        path: '/v1/messages',
        headers: expect.objectContaining({ 'x-custom': 'yes', 'anthropic-version': '2023-06-01' }),
        body: { model: 'claude-test', max_tokens: 64, messages: [{ role: 'user', content: 'hi' }] },
        rawBody: messagesBody('claude-test'),
        receivedAt: expect.any(Number),
        responseBody: expect.any(String),
      },
    ]);
    await waitUntil(() => fake.stats.completed === 1);
    expect(fake.stats).toMatchObject({ active: 0, aborted: 0, completed: 1 });
    fake.reset();
    expect(fake.requests).toEqual([]);
    expect(fake.stats).toMatchObject({ active: 0, aborted: 0, completed: 0 });
  });

  it('rejects a wrong or missing x-api-key with Anthropic’s 401 when apiKeys is set', async () => {
    const fake = await start(['sk-ant-good']);
    const wrong = await post(fake, messagesBody('m'), { ...VERSION, 'x-api-key': 'sk-ant-bad' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({
      type: 'error',
      error: { type: 'authentication_error', message: 'invalid x-api-key' },
      request_id: wrong.headers.get('request-id'),
    });
    const missing = await post(fake, messagesBody('m'));
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({
      error: { type: 'authentication_error', message: 'x-api-key header is required' },
    });
    const bearer = await post(fake, messagesBody('m'), {
      ...VERSION,
      authorization: 'Bearer sk-ant-good',
    });
    expect(bearer.status).toBe(401);
    const good = await post(fake, messagesBody('m'), { ...VERSION, 'x-api-key': 'sk-ant-good' });
    expect(good.status).toBe(200);
  });

  it('requires the anthropic-version header and max_tokens', async () => {
    const fake = await start();
    const noVersion = await post(fake, messagesBody('m'), { 'content-type': 'application/json' });
    expect(noVersion.status).toBe(400);
    expect(await noVersion.json()).toMatchObject({
      type: 'error',
      error: { type: 'invalid_request_error', message: 'anthropic-version: header is required' },
    });
    const noMaxTokens = await post(
      fake,
      JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'hi' }] }),
    );
    expect(noMaxTokens.status).toBe(400);
    expect(await noMaxTokens.json()).toMatchObject({
      error: { type: 'invalid_request_error', message: 'max_tokens: Field required' },
    });
  });

  it('answers an unknown path with 404 and a body that is not JSON with 400', async () => {
    const fake = await start();
    const missing = await post(fake, messagesBody('m'), VERSION, '/complete');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({
      type: 'error',
      error: { type: 'not_found_error', message: 'Not Found' },
    });
    const invalid = await post(fake, '{"model":');
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ error: { type: 'invalid_request_error' } });
    expect(fake.requests.at(-1)?.body).toBe('{"model":');
  });
});
