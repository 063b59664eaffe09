import { randomBytes } from 'node:crypto';
import { decryptSecret } from '@switchyard/config';
import {
  CATALOG_SNAPSHOT_KEY,
  catalogSnapshotV1Schema,
  credentialListSchema,
  modelJsonSchema,
  modelPageSchema,
  providerListSchema,
  syncRunJsonSchema,
} from '@switchyard/contracts';
import { DEFAULT_ORGANIZATION_ID, hashKeySecret } from '@switchyard/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCatalogForTest, type TestCatalog } from '../testing/start-catalog-for-test.js';

let catalog: TestCatalog;
let teamAdminKey: string;
let memberKey: string;

type Json = Record<string, unknown>;
type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

async function call(method: Method, url: string, key: string | undefined, body?: unknown) {
  const response = await catalog.app.inject({
    method,
    url,
    headers: key === undefined ? {} : { authorization: `Bearer ${key}` },
    ...(body !== undefined && { payload: body as Json }),
  });
  return { status: response.statusCode, body: response.json<Json>(), text: response.body };
}

const asMaster = (method: Method, url: string, body?: unknown) =>
  call(method, url, catalog.masterKey, body);

async function createKey(teamId: string, role: string): Promise<string> {
  const secret = `sk-sy-${randomBytes(24).toString('base64url')}`;
  await catalog.database.db
    .insertInto('accounting.api_keys')
    .values({
      team_id: teamId,
      name: role,
      role: role as 'member',
      key_prefix: secret.slice(0, 10),
      key_hash: hashKeySecret(secret, catalog.pepper),
    })
    .execute();
  return secret;
}

async function kvSnapshot() {
  const entry = await (await catalog.bus.kv(catalog.bucket)).get(CATALOG_SNAPSHOT_KEY);
  return catalogSnapshotV1Schema.parse(JSON.parse(new TextDecoder().decode(entry?.value)));
}

beforeAll(async () => {
  catalog = await startCatalogForTest();
  const team = await catalog.database.db
    .insertInto('accounting.teams')
    .values({ organization_id: DEFAULT_ORGANIZATION_ID, name: 'platform' })
    .returning('id')
    .executeTakeFirstOrThrow();
  teamAdminKey = await createKey(team.id, 'team_admin');
  memberKey = await createKey(team.id, 'member');
  const queued = await asMaster('POST', '/admin/v1/catalog/sync');
  expect(queued.status).toBe(202);
  await catalog.syncIdle();
});

afterAll(async () => {
  await catalog?.stop();
});

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

  it('stores credentials encrypted and never returns the secret', async () => {
    const secret = `sk-ant-${randomBytes(24).toString('hex')}`;
    const created = await asMaster('POST', '/admin/v1/credentials', {
      provider: 'anthropic',
      name: 'pool key 2',
      secret,
      limits: { rpm: 50 },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      provider: 'anthropic',
      name: 'pool key 2',
      hint: `sk-…${secret.slice(-4)}`,
      enabled: true,
      limits: { rpm: 50, tpm: null, daily_requests: null },
    });
    expect(created.text).not.toContain(secret.slice(8));
    const id = String(created.body.id);
    for (const url of ['/admin/v1/credentials', `/admin/v1/credentials/${id}`]) {
      const response = await asMaster('GET', url);
      expect(response.status).toBe(200);
      expect(response.text).not.toContain(secret.slice(8));
      expect(response.text).not.toContain('ciphertext');
    }
    const row = await catalog.database.db
      .selectFrom('catalog.credentials')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const bytes = Buffer.concat([row.ciphertext, row.iv, row.auth_tag]);
    expect(bytes.includes(Buffer.from(secret))).toBe(false);
    expect(bytes.includes(Buffer.from(secret.slice(8, 24)))).toBe(false);
    expect(row.iv).toHaveLength(12);
    expect(row.auth_tag).toHaveLength(16);
    expect(row.key_id).toBe(catalog.keyring.current.id);
    expect(
      decryptSecret(
        { ciphertext: row.ciphertext, iv: row.iv, authTag: row.auth_tag, keyId: row.key_id },
        catalog.keyring,
        'anthropic',
      ),
    ).toBe(secret);

    const rotated = await asMaster('PATCH', `/admin/v1/credentials/${id}`, {
      secret: 'sk-ant-new-secret-9999',
      enabled: false,
    });
    expect(rotated.body).toMatchObject({ hint: 'sk-…9999', enabled: false });
    expect((await asMaster('DELETE', `/admin/v1/credentials/${id}`)).body).toMatchObject({
      deleted: true,
    });
    expect((await asMaster('GET', `/admin/v1/credentials/${id}`)).status).toBe(404);
  });

  it('stores a bedrock credential only as an AWS key pair, never echoing it', async () => {
    const provider = await asMaster('POST', '/admin/v1/providers', {
      name: 'bedrock-eu',
      type: 'bedrock',
      base_url: 'https://bedrock-runtime.eu-west-1.amazonaws.com',
    });
    expect(provider.status).toBe(201);
    const refused = await asMaster('POST', '/admin/v1/credentials', {
      provider: 'bedrock-eu',
      name: 'no pair',
      secret: 'just-a-secret-access-key',
    });
    expect(refused.status).toBe(400);
    expect((refused.body.error as Json).param).toBe('secret');
    expect(refused.text).not.toContain('just-a-secret-access-key');
    const pair = `AKIAEXAMPLEKEY000001:${randomBytes(20).toString('base64')}`;
    const created = await asMaster('POST', '/admin/v1/credentials', {
      provider: 'bedrock-eu',
      name: 'static pair',
      secret: pair,
    });
    expect(created.status).toBe(201);
    expect(created.text).not.toContain(pair.split(':')[1]);
    const rotated = await asMaster('PATCH', `/admin/v1/credentials/${String(created.body.id)}`, {
      secret: 'still-not-a-pair',
    });
    expect(rotated.status).toBe(400);
  });

  it('stores a vertex provider with a service-account JSON key, shown by its account only', async () => {
    const provider = await asMaster('POST', '/admin/v1/providers', {
      name: 'vertex-eu',
      type: 'vertex',
      base_url:
        'https://europe-west1-aiplatform.googleapis.com/v1/projects/acme/locations/europe-west1',
    });
    expect(provider.status).toBe(201);
    const privateKey = `-----BEGIN PRIVATE KEY-----\n${randomBytes(48).toString('base64')}\n-----END PRIVATE KEY-----\n`;
    const secret = JSON.stringify(
      {
        type: 'service_account',
        client_email: 'gw@acme.iam.gserviceaccount.com',
        private_key: privateKey,
      },
      null,
      2,
    );
    const created = await asMaster('POST', '/admin/v1/credentials', {
      provider: 'vertex-eu',
      name: 'service account',
      secret,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ hint: 'json:gw@acme.iam.gserviceaccount.com' });
    expect(created.text).not.toContain(privateKey.slice(30, 60));
    const row = await catalog.database.db
      .selectFrom('catalog.credentials')
      .selectAll()
      .where('id', '=', String(created.body.id))
      .executeTakeFirstOrThrow();
    expect(
      decryptSecret(
        { ciphertext: row.ciphertext, iv: row.iv, authTag: row.auth_tag, keyId: row.key_id },
        catalog.keyring,
        'vertex-eu',
      ),
    ).toBe(secret);
    await asMaster('DELETE', `/admin/v1/credentials/${String(created.body.id)}`);
  });

  it('adds and disables providers; a disabled provider leaves the snapshot', async () => {
    const created = await asMaster('POST', '/admin/v1/providers', {
      name: 'local-vllm',
      type: 'openai-compatible',
      base_url: 'http://127.0.0.1:9/v1/',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'local-vllm',
      base_url: 'http://127.0.0.1:9/v1',
      source: 'admin',
    });
    expect(
      (
        await asMaster('POST', '/admin/v1/providers', {
          name: 'local-vllm',
          type: 'openai',
          base_url: 'http://x/v1',
        })
      ).status,
    ).toBe(409);
    const moved = await asMaster('PATCH', '/admin/v1/providers/openai', {
      base_url: 'http://x/v1',
    });
    expect(moved.status).toBe(400);
    expect((moved.body.error as Json).param).toBe('base_url');
    const disabled = await asMaster('PATCH', '/admin/v1/providers/openrouter', { enabled: false });
    expect(disabled.body).toMatchObject({ enabled: false });
    const snapshot = await kvSnapshot();
    expect(snapshot.providers.find((provider) => provider.name === 'openrouter')?.enabled).toBe(
      false,
    );
    expect(
      snapshot.models
        .flatMap((model) => model.routes)
        .some((route) => route.provider === 'openrouter'),
    ).toBe(false);
    await asMaster('PATCH', '/admin/v1/providers/openrouter', { enabled: true });
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
