import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeModelCatalog, startFakeModelCatalog } from './start-fake-model-catalog.js';

let fake: FakeModelCatalog;
beforeAll(async () => {
  fake = await startFakeModelCatalog({ apiKey: 'sk-test', pageSize: 1 });
});
afterAll(async () => {
  await fake.close();
});

const get = async (url: string, headers: Record<string, string> = {}) => {
  const response = await fetch(url, { headers });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe('startFakeModelCatalog', () => {
  it('serves OpenRouter entries with per-token decimal prices', async () => {
    const { body } = await get(fake.openRouterCatalogUrl);
    const data = body.data as Array<{ id: string; pricing: { prompt: string } }>;
    expect(data.map((model) => model.id)).toContain('meta-llama/llama-3.1-8b-instruct:free');
    expect(data[0]?.pricing.prompt).toMatch(/^\d+(\.\d+)?$/);
  });

  it('checks each provider list key and pages Anthropic and Gemini lists', async () => {
    expect((await get(`${fake.baseUrls.openai}/models`)).status).toBe(401);
    const openai = await get(`${fake.baseUrls.openai}/models`, { authorization: 'Bearer sk-test' });
    expect((openai.body.data as unknown[]).length).toBe(3);
    const anthropic = await get(`${fake.baseUrls.anthropic}/models`, {
      'x-api-key': 'sk-test',
      'anthropic-version': '2023-06-01',
    });
    expect(anthropic.body).toMatchObject({ has_more: true, last_id: 'claude-3-5-sonnet-20241022' });
    fake.setProviderModels('google', ['gemini-a', 'gemini-b']);
    const google = await get(`${fake.baseUrls.google}/models?key=sk-test`);
    expect(google.body).toMatchObject({
      models: [{ name: 'models/gemini-a' }],
      nextPageToken: '1',
    });
  });

  it('fails on demand with a 500 or a body that is not JSON', async () => {
    fake.setBehaviour('openrouter', 'error-500');
    expect((await fetch(fake.openRouterCatalogUrl)).status).toBe(500);
    fake.setBehaviour('openrouter', 'garbage');
    const text = await (await fetch(fake.openRouterCatalogUrl)).text();
    expect(() => JSON.parse(text)).toThrow();
    fake.setBehaviour('openrouter', 'ok');
  });
});
