import { randomBytes } from 'node:crypto';
import {
  type Bus,
  CATALOG_BUCKET,
  connectNatsBus,
  USAGE_STREAM,
  USAGE_SUBJECTS,
  withNamespace,
} from '@switchyard/bus';
import { createEncryptionKeyring, encryptSecret, loadConfig } from '@switchyard/config';
import { CATALOG_SNAPSHOT_KEY, type CatalogSnapshotV1 } from '@switchyard/contracts';
import { createDatabase, type Database, migrateToLatest } from '@switchyard/db';
import {
  createFreshPostgresDatabase,
  type FakeOpenAI,
  type FreshPostgresDatabase,
  startFakeOpenAI,
  useNats,
  usePostgres,
} from '@switchyard/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGatewayApp, type GatewayApp } from '../app.js';
import { loadAccessConfig } from '../config.js';

const MASTER_KEY = 'sk-sy-catalog-test';
let nats: Bus;
let bus: Bus;
let fake: FakeOpenAI;
let gateway: GatewayApp;
let origin: string;
/** A second replica on the same bus: both must follow the catalog. */
let replica: GatewayApp;
let replicaOrigin: string;

/** A snapshot serving `models` through provider `openai` at `prompt`/`completion` USD a token. */
function snapshot(
  version: string,
  prices: { prompt: string; completion: string },
): CatalogSnapshotV1 {
  const model = (id: string, upstream: string, free = false) => ({
    id,
    name: `Fake ${upstream}`,
    kind: 'chat' as const,
    context_length: 8192,
    max_output_tokens: 1024,
    modalities: { input: ['text', 'image'], output: ['text'] },
    supported_parameters: ['max_tokens', 'temperature', 'tools'],
    free,
    enabled: true,
    aliases: free ? [] : [`${id}-latest`],
    routes: [
      {
        provider: 'openai',
        upstream_model: upstream,
        priority: 0,
        free,
        pricing: {
          prompt: free ? '0' : prices.prompt,
          completion: free ? '0' : prices.completion,
          cached_prompt: null,
          cache_write: null,
          reasoning: null,
          per_request: null,
          per_image: null,
        },
        price_version: `price-${version}`,
      },
    ],
  });
  return {
    version: 1,
    catalog_version: version,
    generated_at: new Date().toISOString(),
    models: [
      model('acme/chat', 'chat'),
      model('acme/slow', 'slow-1500'),
      model('acme/gift:free', 'gift', true),
      { ...model('acme/retired', 'retired'), enabled: false, aliases: [] },
    ],
    providers: [
      { name: 'openai', type: 'openai', base_url: 'https://example.invalid', enabled: true },
    ],
  };
}

async function publish(value: unknown): Promise<void> {
  const bucket = await bus.kv(CATALOG_BUCKET);
  await bucket.put(CATALOG_SNAPSHOT_KEY, Buffer.from(JSON.stringify(value)));
}

const chat = (model: string, at = origin) =>
  fetch(`${at}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${MASTER_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model, messages: [{ role: 'user', content: 'hi' }] }),
  });

async function costOf(response: Response): Promise<number> {
  const body = (await response.json()) as { usage: { cost: number } };
  return body.usage.cost;
}

beforeAll(async () => {
  fake = await startFakeOpenAI();
  nats = await connectNatsBus({ url: (await useNats()).url, name: 'gateway-catalog-test' });
  bus = withNamespace(nats, `t${randomBytes(5).toString('hex')}`);
  // Where the gateway's usage events go (accounting creates it in a deployment).
  await bus.ensureStream({ name: USAGE_STREAM, subjects: [USAGE_SUBJECTS] });
  await publish(
    snapshot('2026-11-23T00:00:00.000Z-00000001', { prompt: '0.000001', completion: '0.000002' }),
  );
  const config = loadConfig({
    env: { LOG_LEVEL: 'silent', OPENAI_API_KEY: 'sk-fake', OPENAI_BASE_URL: fake.url },
  });
  gateway = buildGatewayApp({ ...config, masterKey: MASTER_KEY }, { stores: { bus } });
  origin = await gateway.app.listen({ host: '127.0.0.1', port: 0 });
  replica = buildGatewayApp({ ...config, masterKey: MASTER_KEY }, { stores: { bus } });
  replicaOrigin = await replica.app.listen({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  for (const app of [gateway, replica]) {
    app?.app.server.closeAllConnections();
    await app?.app.close();
  }
  await nats?.close();
  await fake?.close();
});

describe('catalog snapshots', () => {
  it('starts from the published snapshot: its models, OpenRouter fields, aliases, free filter', async () => {
    await expect.poll(async () => (await fetch(`${origin}/readyz`)).status).toBe(200);
    const list = (await (
      await fetch(`${origin}/v1/models`, { headers: { authorization: `Bearer ${MASTER_KEY}` } })
    ).json()) as { data: Record<string, unknown>[] };
    expect(list.data.map((model) => model.id)).toEqual([
      'acme/chat',
      'acme/slow',
      'acme/gift:free',
    ]);
    expect(list.data[0]).toMatchObject({
      name: 'Fake chat',
      context_length: 8192,
      pricing: { prompt: '0.000001', completion: '0.000002' },
      architecture: { input_modalities: ['text', 'image'], output_modalities: ['text'] },
      supported_parameters: ['max_tokens', 'temperature', 'tools'],
      top_provider: { max_completion_tokens: 1024 },
    });
    const free = (await (
      await fetch(`${origin}/v1/models?free=true`, {
        headers: { authorization: `Bearer ${MASTER_KEY}` },
      })
    ).json()) as { data: { id: string }[] };
    expect(free.data.map((model) => model.id)).toEqual(['acme/gift:free']);
    expect((await chat('acme/chat-latest')).status).toBe(200);
    expect((await chat('acme/retired')).status).toBe(404);
    expect((await chat('openai/gpt-4o')).status).toBe(404);
  });

  it('swaps both replicas to a new price within 2 s, while a request in flight finishes at its own price', async () => {
    // 9 prompt tokens × $0.000001 + 2 completion tokens × $0.000002 (the fake's usage for "hi").
    expect(await costOf(await chat('acme/chat'))).toBe(0.000011);
    const inFlight = chat('acme/slow');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const publishedAt = Date.now();
    await publish(
      snapshot('2026-11-23T00:00:00.000Z-00000002', { prompt: '0.00001', completion: '0.00002' }),
    );
    for (const at of [origin, replicaOrigin]) {
      await expect
        .poll(async () => costOf(await chat('acme/chat', at)), { timeout: 2_000 })
        .toBe(0.00011);
    }
    expect(Date.now() - publishedAt).toBeLessThan(2_000);
    const slow = await inFlight;
    expect(slow.status).toBe(200);
    expect(await costOf(slow)).toBe(0.000011);
  });

  it('keeps serving the catalog it has when a snapshot is invalid or older', async () => {
    await publish({ version: 1, catalog_version: 'x', models: 'not a list' });
    await publish(snapshot('2026-01-01T00:00:00.000Z-00000001', { prompt: '1', completion: '1' }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await costOf(await chat('acme/chat'))).toBe(0.00011);
  });
});

describe('upstream keys stored through the admin API', () => {
  const STORED_KEY = 'sk-stored-upstream-0123456789';
  let fresh: FreshPostgresDatabase;
  let database: Database;
  let guarded: FakeOpenAI;
  let keyed: GatewayApp;
  let keyedOrigin: string;
  const encryptionKey = randomBytes(32).toString('base64');
  const keyring = createEncryptionKeyring(encryptionKey);

  beforeAll(async () => {
    fresh = await createFreshPostgresDatabase((await usePostgres()).url);
    database = createDatabase({ url: fresh.url });
    await migrateToLatest(database.db, 'accounting');
    await migrateToLatest(database.db, 'catalog');
    guarded = await startFakeOpenAI({ apiKeys: [STORED_KEY] });
    // The provider is configured without a key: only the stored one can reach the upstream.
    const config = loadConfig({ env: { LOG_LEVEL: 'silent', OPENAI_BASE_URL: guarded.url } });
    keyed = buildGatewayApp(
      {
        ...config,
        masterKey: MASTER_KEY,
        access: { ...loadAccessConfig({}), encryptionKey },
      },
      { stores: { bus, db: database.db } },
    );
    keyedOrigin = await keyed.app.listen({ host: '127.0.0.1', port: 0 });
  });

  afterAll(async () => {
    keyed?.app.server.closeAllConnections();
    await keyed?.app.close();
    await guarded?.close();
    await database?.close();
    await fresh?.drop();
  });

  it('joins the provider’s pool once stored, within 2 s of the catalog’s put', async () => {
    await expect.poll(async () => (await fetch(`${keyedOrigin}/readyz`)).status).toBe(200);
    const refused = await chat('acme/chat', keyedOrigin);
    expect(refused.status).toBe(502);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
      'upstream_auth_failed',
    );
    await database.db
      .insertInto('catalog.providers')
      .values({ name: 'openai', type: 'openai', base_url: guarded.url, source: 'config' })
      .execute();
    const sealed = encryptSecret(STORED_KEY, keyring, 'openai');
    await database.db
      .insertInto('catalog.credentials')
      .values({
        provider: 'openai',
        name: 'stored',
        ciphertext: sealed.ciphertext,
        iv: sealed.iv,
        auth_tag: sealed.authTag,
        key_id: sealed.keyId,
        hint: 'sk-…6789',
      })
      .execute();
    // The catalog service re-puts the snapshot after every admin change.
    await publish(
      snapshot('2026-11-23T00:00:00.000Z-00000009', { prompt: '0.00001', completion: '0.00002' }),
    );
    await expect
      .poll(async () => (await chat('acme/chat', keyedOrigin)).status, { timeout: 2_000 })
      .toBe(200);
    const state = await fetch(`${keyedOrigin}/admin/v1/gateway/credentials`, {
      headers: { authorization: `Bearer ${MASTER_KEY}` },
    });
    const text = await state.text();
    expect(text).toContain('openai:stored:');
    expect(text).not.toContain(STORED_KEY);
  });
});
