import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeAzure, startFakeAzure } from './start-fake-azure.js';
import { type FakeEntra, startFakeEntra } from './start-fake-entra.js';

const PRINCIPAL = { tenantId: 'tenant', clientId: 'client', clientSecret: 'secret-value' };
let entra: FakeEntra;
let azure: FakeAzure;

beforeAll(async () => {
  entra = await startFakeEntra({ ...PRINCIPAL, tokenLifetimeSeconds: 1 });
  azure = await startFakeAzure({ apiKeys: ['good-key'], verifyToken: entra.tokens.verify });
});
afterAll(async () => {
  await azure?.close();
  await entra?.close();
});

const chat = (
  headers: Record<string, string>,
  path = '/openai/deployments/gpt/chat/completions?api-version=2024-10-21',
) =>
  fetch(`${azure.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ messages: [{ role: 'user', content: 'hi' }] }),
  });

const token = async (secret = PRINCIPAL.clientSecret) => {
  const response = await fetch(`${entra.url}/${PRINCIPAL.tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: PRINCIPAL.clientId,
      client_secret: secret,
      scope: 'https://cognitiveservices.azure.com/.default',
    }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe('the fake Azure OpenAI resource', () => {
  it('answers a deployment with the right api-key, refuses a wrong or missing one as Azure does', async () => {
    const ok = await chat({ 'api-key': 'good-key' });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      model: 'gpt',
      choices: [{ message: { content: 'Echo: hi' } }],
    });
    const wrong = await chat({ 'api-key': 'bad-key' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({
      error: {
        code: '401',
        message: expect.stringMatching(/^Access denied due to invalid subscription key/),
      },
    });
    const missing = await chat({});
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({
      error: { message: expect.stringMatching(/missing subscription key/) },
    });
  });

  it('needs an api-version on deployment routes', async () => {
    const response = await chat(
      { 'api-key': 'good-key' },
      '/openai/deployments/gpt/chat/completions',
    );
    expect(response.status).toBe(404);
  });

  it('takes a live Entra token and refuses an expired one', async () => {
    const { status, body } = await token();
    expect(status).toBe(200);
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 1 });
    const bearer = { authorization: `Bearer ${String(body.access_token)}` };
    expect((await chat(bearer, '/openai/v1/chat/completions')).status).toBe(400);
    expect((await chat(bearer)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const expired = await chat(bearer);
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({
      error: { message: expect.stringMatching(/have expired/) },
    });
    expect((await chat({ authorization: 'Bearer made-up' })).status).toBe(401);
  });

  it('serves the Responses API per resource on recent api-versions and on v1, behind the same auth', async () => {
    const respond = (headers: Record<string, string>, path: string, model = 'gpt-5-prod') =>
      fetch(`${azure.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({
          model,
          input: 'hi',
          reasoning: { effort: 'low' },
          include: ['reasoning.encrypted_content'],
        }),
      });
    const key = { 'api-key': 'good-key' };
    const ok = await respond(key, '/openai/responses?api-version=2025-04-01-preview');
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      object: 'response',
      model: 'gpt-5-prod',
      output: [{ type: 'reasoning', encrypted_content: expect.any(String) }, { type: 'message' }],
      usage: { output_tokens_details: { reasoning_tokens: 4 } },
      content_filters: [
        { blocked: false, source_type: 'prompt' },
        { blocked: false, source_type: 'completion' },
      ],
    });
    expect((await respond(key, '/openai/v1/responses')).status).toBe(200);
    // Before 2025-03-01-preview, or without a version, the route does not exist.
    for (const path of ['/openai/responses?api-version=2024-10-21', '/openai/responses']) {
      const missing = await respond(key, path);
      expect(missing.status).toBe(404);
      expect(await missing.json()).toEqual({
        error: { code: '404', message: 'Resource not found' },
      });
    }
    expect((await respond({ 'api-key': 'bad-key' }, '/openai/v1/responses')).status).toBe(401);
    expect((await respond({}, '/openai/v1/responses')).status).toBe(401);
    expect(
      (await respond({ authorization: 'Bearer made-up' }, '/openai/v1/responses')).status,
    ).toBe(401);
    const filtered = await respond(key, '/openai/v1/responses', 'content-filter-prompt');
    expect(filtered.status).toBe(400);
    expect(await filtered.json()).toMatchObject({
      error: {
        code: 'content_filter',
        content_filters: [
          { blocked: true, content_filter_results: { jailbreak: { filtered: true } } },
        ],
      },
    });
  });

  it("refuses a wrong client secret in Entra's words", async () => {
    const { status, body } = await token('wrong');
    expect(status).toBe(401);
    expect(body).toMatchObject({ error: 'invalid_client', error_codes: [7000215] });
  });
});
