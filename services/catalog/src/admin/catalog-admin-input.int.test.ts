import { CATALOG_SNAPSHOT_KEY, catalogSnapshotV1Schema } from '@switchyard/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCatalogForTest, type TestCatalog } from '../testing/start-catalog-for-test.js';

let catalog: TestCatalog;

type Json = Record<string, unknown>;
type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

async function asMaster(method: Method, url: string, body?: unknown) {
  const response = await catalog.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${catalog.masterKey}` },
    ...(body !== undefined && { payload: body as Json }),
  });
  return { status: response.statusCode, body: response.json<Json>() };
}

async function snapshotModel(id: string) {
  const entry = await (await catalog.bus.kv(catalog.bucket)).get(CATALOG_SNAPSHOT_KEY);
  const snapshot = catalogSnapshotV1Schema.parse(
    JSON.parse(new TextDecoder().decode(entry?.value)),
  );
  return snapshot.models.find((model) => model.id === id);
}

beforeAll(async () => {
  catalog = await startCatalogForTest();
  expect((await asMaster('POST', '/admin/v1/catalog/sync')).status).toBe(202);
  await catalog.syncIdle();
});

afterAll(async () => {
  await catalog?.stop();
});

describe('catalog admin API input', () => {
  it('changes one price field and keeps the others', async () => {
    const before = await snapshotModel('openai/gpt-4o');
    const original = before?.routes[0]?.pricing;
    expect(original?.prompt).toBe('0.0000025');
    const patched = await asMaster('PATCH', '/admin/v1/models/openai/gpt-4o', {
      pricing: { prompt: '0.000002' },
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body.overrides).toMatchObject({
      pricing: { ...original, prompt: '0.000002' },
    });
    // A second partial change starts from the override, not from the route's price again.
    const again = await asMaster('PATCH', '/admin/v1/models/openai/gpt-4o', {
      pricing: { completion: '0.000009' },
    });
    expect(again.status).toBe(200);
    const model = await snapshotModel('openai/gpt-4o');
    expect(model?.routes.map((route) => route.pricing)).toEqual(
      model?.routes.map(() => ({ ...original, prompt: '0.000002', completion: '0.000009' })),
    );
    const unknown = await asMaster('PATCH', '/admin/v1/models/openai/gpt-4o', {
      pricing: { promt: '0.1' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ param: 'pricing.promt' });
  });

  it('bounds credential limits to the integer columns, naming the field', async () => {
    for (const field of ['rpm', 'tpm', 'daily_requests']) {
      const response = await asMaster('POST', '/admin/v1/credentials', {
        provider: 'openai',
        name: 'huge',
        secret: 'sk-12345678',
        limits: { [field]: 2_147_483_648 },
      });
      expect(response.status, field).toBe(400);
      expect(response.body.error).toMatchObject({
        type: 'invalid_request_error',
        param: `limits.${field}`,
      });
    }
    const largest = await asMaster('POST', '/admin/v1/credentials', {
      provider: 'openai',
      name: 'largest',
      secret: 'sk-12345678',
      limits: { rpm: 2_147_483_647 },
    });
    expect(largest.status).toBe(201);
    const patched = await asMaster('PATCH', `/admin/v1/credentials/${String(largest.body.id)}`, {
      limits: { tpm: 2_147_483_648 },
    });
    expect(patched.status).toBe(400);
  });

  it('answers NUL characters with 400 in filters and bodies and 404 in ids', async () => {
    for (const [method, url, body, param] of [
      ['GET', '/admin/v1/models?search=gpt%00', undefined, 'search'],
      ['GET', '/admin/v1/models?provider=%00', undefined, 'provider'],
      ['GET', '/admin/v1/credentials?provider=open%00ai', undefined, 'provider'],
      ['PATCH', '/admin/v1/models/openai/gpt-4o', { aliases: ['a\u0000'] }, 'aliases[0]'],
      ['PATCH', '/admin/v1/models/openai/gpt-4o', { name: 'GPT\u0000' }, 'name'],
      [
        'POST',
        '/admin/v1/credentials',
        { provider: 'openai', name: 'k\u0000', secret: 'sk-12345678' },
        'name',
      ],
    ] as const) {
      const response = await asMaster(method, url, body);
      expect(response.status, url).toBe(400);
      expect(response.body.error).toMatchObject({ type: 'invalid_request_error', param });
    }
    const cursor = Buffer.from('openai/gpt\u0000').toString('base64url');
    const badCursor = await asMaster('GET', `/admin/v1/models?cursor=${cursor}`);
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.error).toMatchObject({ param: 'cursor' });
    for (const url of [
      '/admin/v1/models/openai/gpt%00',
      '/admin/v1/models/openai%2Fgpt%2500',
      '/admin/v1/providers/open%00ai',
      '/admin/v1/credentials/%00',
    ]) {
      const response = await asMaster('GET', url);
      expect(response.status, url).toBe(404);
      expect(response.body.error).toMatchObject({ type: 'invalid_request_error' });
    }
    const patchMissing = await asMaster('PATCH', '/admin/v1/providers/%00', { enabled: false });
    expect(patchMissing.status).toBe(404);
  });
});
