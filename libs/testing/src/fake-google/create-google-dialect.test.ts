import { afterEach, describe, expect, it } from 'vitest';
import { type FakeGoogle, startFakeGoogle } from './start-fake-google.js';

const started: FakeGoogle[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((fake) => fake.close()));
});

async function start(apiKeys?: readonly string[]): Promise<FakeGoogle> {
  const fake = await startFakeGoogle(apiKeys === undefined ? {} : { apiKeys });
  started.push(fake);
  return fake;
}

const hello = { contents: [{ role: 'user', parts: [{ text: 'Hello there' }] }] };

const post = (fake: FakeGoogle, path: string, body: unknown, init: RequestInit = {}) =>
  fetch(`${fake.url}/models/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...init,
  });

describe('createGoogleDialect', () => {
  it('checks x-goog-api-key or ?key= as Google does', async () => {
    const fake = await start(['AIza-good']);
    const missing = await post(fake, 'm:generateContent', hello);
    expect(missing.status).toBe(403);
    expect(await missing.json()).toMatchObject({
      error: { code: 403, status: 'PERMISSION_DENIED' },
    });
    const wrong = await post(fake, 'm:generateContent', hello, {
      headers: { 'x-goog-api-key': 'AIza-bad' },
    });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({
      error: {
        code: 400,
        message: 'API key not valid. Please pass a valid API key.',
        status: 'INVALID_ARGUMENT',
        details: [expect.objectContaining({ reason: 'API_KEY_INVALID' }), expect.anything()],
      },
    });
    const header = await post(fake, 'm:generateContent', hello, {
      headers: { 'x-goog-api-key': 'AIza-good' },
    });
    expect(header.status).toBe(200);
    const query = await post(fake, 'm:generateContent?key=AIza-good', hello);
    expect(query.status).toBe(200);
  });

  it('rejects unknown fields, empty contents, bad JSON and unknown paths like Google', async () => {
    const fake = await start();
    const unknown = await post(fake, 'm:generateContent', {
      ...hello,
      generationConfig: { max_tokens: 5 },
    });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({
      error: {
        message: `Invalid JSON payload received. Unknown name "max_tokens" at 'generation_config': Cannot find field.`,
        status: 'INVALID_ARGUMENT',
      },
    });
    const empty = await post(fake, 'm:generateContent', { contents: [] });
    expect(await empty.json()).toMatchObject({
      error: { message: '* GenerateContentRequest.contents: contents is not specified\n' },
    });
    const role = await post(fake, 'm:generateContent', {
      contents: [{ role: 'assistant', parts: [{ text: 'x' }] }],
    });
    expect(await role.json()).toMatchObject({
      error: { message: 'Please use a valid role: user, model.' },
    });
    expect((await post(fake, 'm:generateContent', '{"contents":')).status).toBe(400);
    const missing = await fetch(`${fake.url}/models/m:countTokens`, { method: 'POST', body: '{}' });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 404, status: 'NOT_FOUND' } });
  });
});
