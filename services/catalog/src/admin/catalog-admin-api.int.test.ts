import {
  credentialListSchema,
  modelJsonSchema,
  modelPageSchema,
  providerListSchema,
  syncRunJsonSchema,
} from '@switchyard/contracts';
import { describe, expect, it } from 'vitest';
import {
  asMaster,
  call,
  catalog,
  type Json,
  kvSnapshot,
  type Method,
  memberKey,
  teamAdminKey,
  useAdminApi,
} from '../testing/admin-api-test-client.js';

useAdminApi();

describe('catalog admin API', () => {
  it('triggers a sync and serves its report by id and as latest', async () => {
    const queued = await asMaster('POST', '/admin/v1/catalog/sync');
    expect(queued.body).toMatchObject({ object: 'catalog.sync_run', status: 'queued' });
    await catalog.syncIdle();
    const run = await asMaster('GET', `/admin/v1/catalog/sync/${String(queued.body.id)}`);
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({ id: queued.body.id, trigger: 'admin', status: 'succeeded' });
    expect(run.body.report).toMatchObject({
      status: 'succeeded',
      sources: { openrouter: { status: 'ok' } },
    });
    const latest = await asMaster('GET', '/admin/v1/catalog/sync/latest');
    expect(latest.body.id).toBe(queued.body.id);
    expect((await asMaster('GET', '/admin/v1/catalog/sync/nope')).status).toBe(404);
    const metrics = await catalog.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(
      /switchyard_catalog_sync_runs_total\{status="succeeded",service="catalog"\} [1-9]/,
    );
    expect(metrics.body).toMatch(
      /switchyard_catalog_sync_last_success_timestamp_seconds\{service="catalog"\} \d{10}/,
    );
  });

  it('lists, searches, filters and pages models', async () => {
    const all = await asMaster('GET', '/admin/v1/models');
    expect(all.status).toBe(200);
    const ids = (all.body.data as Json[]).map((model) => model.id);
    expect(ids).toContain('openai/gpt-4o');
    const search = await asMaster('GET', '/admin/v1/models?search=llama');
    expect((search.body.data as Json[]).map((model) => model.id)).toEqual([
      'meta-llama/llama-3.1-8b-instruct',
    ]);
    const free = await asMaster('GET', '/admin/v1/models?free=true');
    expect((free.body.data as Json[]).every((model) => model.free === true)).toBe(true);
    const viaAnthropic = await asMaster('GET', '/admin/v1/models?provider=anthropic');
    expect((viaAnthropic.body.data as Json[]).map((model) => model.id)).toEqual([
      'anthropic/claude-3.5-sonnet',
    ]);
    const first = await asMaster('GET', '/admin/v1/models?limit=2');
    expect(first.body.data).toHaveLength(2);
    const second = await asMaster(
      'GET',
      `/admin/v1/models?limit=2&cursor=${String(first.body.next_cursor)}`,
    );
    expect((second.body.data as Json[])[0]?.id).toBe(ids[2]);
    const one = await asMaster('GET', '/admin/v1/models/openai/gpt-4o');
    expect(one.body).toMatchObject({
      id: 'openai/gpt-4o',
      routes: [{ provider: 'openai' }, { provider: 'openrouter' }],
    });
    expect((one.body.prices as Json[]).length).toBeGreaterThan(0);
    expect((await asMaster('GET', '/admin/v1/models/openai/nope')).status).toBe(404);
  });

  it('overrides price and context, sets aliases and disables a model; the snapshot follows at once', async () => {
    const patched = await asMaster('PATCH', '/admin/v1/models/openai/gpt-4o', {
      context_length: 64_000,
      pricing: {
        prompt: '0.000001',
        completion: '0.000004',
        cached_prompt: null,
        cache_write: null,
        reasoning: null,
        per_request: null,
        per_image: null,
      },
      aliases: ['gpt-4o', 'my-gpt'],
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      overrides: { context_length: 64_000 },
      aliases: ['gpt-4o', 'my-gpt'],
    });
    const snapshot = await kvSnapshot();
    expect(snapshot.catalog_version).toBe(patched.body.catalog_version);
    const model = snapshot.models.find((entry) => entry.id === 'openai/gpt-4o');
    expect(model).toMatchObject({ context_length: 64_000, aliases: ['gpt-4o', 'my-gpt'] });
    expect(model?.routes.every((route) => route.pricing.prompt === '0.000001')).toBe(true);
    const prices = await catalog.database.db
      .selectFrom('catalog.prices')
      .select(['prompt', 'source'])
      .where('model_id', '=', 'openai/gpt-4o')
      .where('provider', '=', 'openai')
      .orderBy('effective_from')
      .execute();
    expect(prices).toEqual([
      { prompt: '0.0000025', source: 'provider' },
      { prompt: '0.000001', source: 'admin' },
    ]);

    // A sync keeps the override: org overrides win over every source.
    await asMaster('POST', '/admin/v1/catalog/sync');
    await catalog.syncIdle();
    const afterSync = (await kvSnapshot()).models.find((entry) => entry.id === 'openai/gpt-4o');
    expect(afterSync?.routes[0]?.pricing.prompt).toBe('0.000001');

    const disabled = await asMaster('PATCH', '/admin/v1/models/openai/gpt-4o', {
      enabled: false,
      pricing: null,
    });
    expect(disabled.body).toMatchObject({ enabled: false, overrides: { context_length: 64_000 } });
    const back = (await kvSnapshot()).models.find((entry) => entry.id === 'openai/gpt-4o');
    expect(back).toMatchObject({ enabled: false });
    expect(back?.routes[0]?.pricing.prompt).toBe('0.0000025');

    const clash = await asMaster('PATCH', '/admin/v1/models/anthropic/claude-3.5-sonnet', {
      aliases: ['my-gpt'],
    });
    expect(clash.status).toBe(400);
    expect((clash.body.error as Json).param).toBe('aliases');
    const shadow = await asMaster('PATCH', '/admin/v1/models/anthropic/claude-3.5-sonnet', {
      aliases: ['openai/gpt-4o'],
    });
    expect(shadow.status).toBe(400);
    expect((shadow.body.error as Json).message).toContain('is a model id');
  });

  it('carries a 1-hour cache-write price from the admin API to catalog.prices and the snapshot', async () => {
    const id = 'anthropic/claude-3.5-sonnet';
    const bad = await asMaster('PATCH', `/admin/v1/models/${id}`, {
      pricing: { cache_write_1h: '-0.000006' },
    });
    expect(bad.status).toBe(400);
    expect((bad.body.error as Json).param).toBe('pricing.cache_write_1h');

    const patched = await asMaster('PATCH', `/admin/v1/models/${id}`, {
      pricing: { cache_write: '0.00000375', cache_write_1h: '0.000006' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.overrides).toMatchObject({
      pricing: { cache_write: '0.00000375', cache_write_1h: '0.000006' },
    });
    const model = (await kvSnapshot()).models.find((entry) => entry.id === id);
    expect(model?.routes.length).toBeGreaterThan(0);
    for (const route of model?.routes ?? []) {
      expect(route.pricing).toMatchObject({
        cache_write: '0.00000375',
        cache_write_1h: '0.000006',
      });
    }
    const rows = await catalog.database.db
      .selectFrom('catalog.prices')
      .select(['cache_write', 'cache_write_1h', 'source'])
      .where('model_id', '=', id)
      .orderBy('effective_from', 'desc')
      .execute();
    expect(rows[0]).toEqual({
      cache_write: '0.00000375',
      cache_write_1h: '0.000006',
      source: 'admin',
    });
    // Rows from before the override had no 1-hour rate.
    expect(rows.at(-1)?.cache_write_1h).toBeNull();
    const read = await asMaster('GET', `/admin/v1/models/${id}`);
    const prices = read.body.prices as { pricing: Json }[];
    expect(prices.at(-1)?.pricing).toMatchObject({ cache_write_1h: '0.000006' });

    // Changing only the 1-hour rate is a new price; the other rates stay.
    await asMaster('PATCH', `/admin/v1/models/${id}`, { pricing: { cache_write_1h: '0.0000065' } });
    const changed = (await kvSnapshot()).models.find((entry) => entry.id === id);
    expect(changed?.routes[0]?.pricing).toMatchObject({
      cache_write: '0.00000375',
      cache_write_1h: '0.0000065',
    });

    const reset = await asMaster('PATCH', `/admin/v1/models/${id}`, { pricing: null });
    expect(reset.status).toBe(200);
    const back = (await kvSnapshot()).models.find((entry) => entry.id === id);
    expect(back?.routes[0]?.pricing.cache_write_1h).toBeNull();
  });

  it('lets a team_admin read models only, refuses members and unknown keys', async () => {
    expect((await call('GET', '/admin/v1/models', teamAdminKey)).status).toBe(200);
    expect((await call('GET', '/admin/v1/models/openai/gpt-4o', teamAdminKey)).status).toBe(200);
    for (const [method, url, body] of [
      ['PATCH', '/admin/v1/models/openai/gpt-4o', { enabled: true }],
      ['GET', '/admin/v1/credentials', undefined],
      ['POST', '/admin/v1/credentials', { provider: 'openai', name: 'x', secret: 'sk-12345678' }],
      ['GET', '/admin/v1/providers', undefined],
      ['POST', '/admin/v1/catalog/sync', undefined],
    ] as const) {
      const response = await call(method, url, teamAdminKey, body);
      expect(response.status, `${method} ${url}`).toBe(403);
      expect((response.body.error as Json).code).toBe('insufficient_role');
    }
    expect((await call('GET', '/admin/v1/models', memberKey)).status).toBe(403);
    const missing = await call('GET', '/admin/v1/models', undefined);
    expect(missing.status).toBe(401);
    expect((missing.body.error as Json).code).toBe('missing_api_key');
    expect(((await call('GET', '/admin/v1/models', 'sk-sy-unknown')).body.error as Json).code).toBe(
      'invalid_api_key',
    );
  });

  it('answers malformed input with 400 naming the field', async () => {
    const cases: Array<[Method, string, unknown, string]> = [
      ['PATCH', '/admin/v1/models/openai/gpt-4o', { context_length: -1 }, 'context_length'],
      [
        'PATCH',
        '/admin/v1/models/openai/gpt-4o',
        { pricing: { prompt: 0.000001 } },
        'pricing.prompt',
      ],
      ['PATCH', '/admin/v1/models/openai/gpt-4o', { colour: 'red' }, 'colour'],
      ['PATCH', '/admin/v1/models/openai/gpt-4o', { aliases: ['has space'] }, 'aliases[0]'],
      ['POST', '/admin/v1/credentials', { provider: 'openai', name: 'k' }, 'secret'],
      [
        'POST',
        '/admin/v1/credentials',
        { provider: 'nobody', name: 'k', secret: 'sk-12345678' },
        'provider',
      ],
      [
        'POST',
        '/admin/v1/credentials',
        { provider: 'openai', name: 'k', secret: 'sk-12345678', limits: { rpm: 0 } },
        'limits.rpm',
      ],
      [
        'POST',
        '/admin/v1/providers',
        { name: 'Bad Name', type: 'openai', base_url: 'http://x/v1' },
        'name',
      ],
      [
        'POST',
        '/admin/v1/providers',
        { name: 'p', type: 'carrier-pigeon', base_url: 'http://x/v1' },
        'type',
      ],
    ];
    for (const [method, url, body, param] of cases) {
      const response = await asMaster(method, url, body);
      expect(response.status, `${method} ${url} ${JSON.stringify(body)}`).toBe(400);
      expect(response.body.error).toMatchObject({ type: 'invalid_request_error', param });
    }
    const badQuery = await asMaster('GET', '/admin/v1/models?limit=9999');
    expect((badQuery.body.error as Json).param).toBe('limit');
  });

  it('is ready once its schema is current', async () => {
    const response = await catalog.app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(200);
  });

  it('serves its OpenAPI document', async () => {
    const response = await catalog.app.inject({
      method: 'GET',
      url: '/admin/v1/catalog/openapi.json',
    });
    const document = response.json<{ openapi: string; paths: Record<string, Json> }>();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/admin/v1/models',
        '/admin/v1/models/{id}',
        '/admin/v1/credentials',
        '/admin/v1/catalog/sync',
      ]),
    );
  });

  it('answers in the shapes its contract (libs/contracts) describes', async () => {
    for (const [url, schema] of [
      ['/admin/v1/models', modelPageSchema],
      ['/admin/v1/models/openai/gpt-4o', modelJsonSchema],
      ['/admin/v1/providers', providerListSchema],
      ['/admin/v1/credentials', credentialListSchema],
      ['/admin/v1/catalog/sync/latest', syncRunJsonSchema],
    ] as const) {
      const answer = await asMaster('GET', url);
      expect(answer.status, url).toBe(200);
      expect(schema.safeParse(answer.body).error, url).toBeUndefined();
    }
  });
});
