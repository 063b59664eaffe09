import {
  CATALOG_SNAPSHOT_KEY,
  type CatalogSnapshotV1,
  catalogSnapshotV1Schema,
} from '@switchyard/contracts';
import { fakeOpenRouterModel } from '@switchyard/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCatalogForTest, type TestCatalog } from '../testing/start-catalog-for-test.js';
import { runCatalogSync } from './run-catalog-sync.js';

let catalog: TestCatalog;

beforeAll(async () => {
  catalog = await startCatalogForTest();
});

afterAll(async () => {
  await catalog?.stop();
});

async function snapshotInKv(): Promise<CatalogSnapshotV1> {
  const store = await catalog.bus.kv(catalog.bucket);
  const entry = await store.get(CATALOG_SNAPSHOT_KEY);
  if (entry?.value === undefined) throw new Error('no snapshot in KV');
  return catalogSnapshotV1Schema.parse(JSON.parse(new TextDecoder().decode(entry.value)));
}

const sync = () => runCatalogSync(catalog.syncDeps, { trigger: 'test' });

const defaultModels = () => [
  fakeOpenRouterModel('openai/gpt-4o', { name: 'OpenAI: GPT-4o' }),
  fakeOpenRouterModel('anthropic/claude-3.5-sonnet', {
    name: 'Anthropic: Claude 3.5 Sonnet',
    context_length: 200_000,
    pricing: { prompt: '0.000003', completion: '0.000015' },
  }),
  fakeOpenRouterModel('google/gemini-2.0-flash', {
    pricing: { prompt: '0.0000001', completion: '0.0000004' },
  }),
  fakeOpenRouterModel('meta-llama/llama-3.1-8b-instruct', {
    pricing: { prompt: '0.00000002', completion: '0.00000003' },
  }),
  fakeOpenRouterModel('meta-llama/llama-3.1-8b-instruct:free'),
];

describe('runCatalogSync', () => {
  it('imports OpenRouter models routed to the providers that list them, and publishes the snapshot to NATS KV', async () => {
    catalog.fake.setOpenRouterModels(defaultModels());
    catalog.fake.setProviderModels('anthropic', [
      'claude-3-5-haiku-20241022',
      'claude-3-5-sonnet-20240620',
      'claude-3-5-sonnet-20241022',
    ]);
    const report = await sync();
    expect(report).toMatchObject({ status: 'succeeded', changed: true, rejected: [], error: null });
    expect(report.sources).toMatchObject({
      openrouter: { status: 'ok', models: 5 },
      'provider:openai': { status: 'ok', models: 3 },
      // Three models over pages of two: pagination was followed.
      'provider:anthropic': { status: 'ok', models: 3 },
      'provider:google': { status: 'ok', models: 1 },
    });

    const snapshot = await snapshotInKv();
    expect(snapshot.catalog_version).toBe(report.catalog_version);
    const byId = new Map(snapshot.models.map((model) => [model.id, model]));
    expect(byId.get('openai/gpt-4o')).toMatchObject({
      name: 'OpenAI: GPT-4o',
      context_length: 128_000,
      max_output_tokens: 16_384,
      modalities: { input: ['text', 'image'], output: ['text'] },
      enabled: true,
      free: false,
      routes: [
        {
          provider: 'openai',
          upstream_model: 'gpt-4o',
          priority: 0,
          pricing: { prompt: '0.0000025', completion: '0.00001', cached_prompt: '0.00000125' },
        },
        { provider: 'openrouter', upstream_model: 'openai/gpt-4o', priority: 10 },
      ],
    });
    expect(byId.get('anthropic/claude-3.5-sonnet')?.routes[0]).toMatchObject({
      provider: 'anthropic',
      upstream_model: 'claude-3-5-sonnet-20241022',
    });
    expect(byId.get('google/gemini-2.0-flash')?.routes[0]).toMatchObject({
      provider: 'google',
      upstream_model: 'gemini-2.0-flash',
    });
    expect(byId.get('meta-llama/llama-3.1-8b-instruct')).toMatchObject({
      free: true,
      routes: [
        { upstream_model: 'meta-llama/llama-3.1-8b-instruct', free: false },
        { upstream_model: 'meta-llama/llama-3.1-8b-instruct:free', free: true, priority: 20 },
      ],
    });
    expect(snapshot.providers.map((provider) => provider.name)).toEqual([
      'anthropic',
      'google',
      'openai',
      'openrouter',
    ]);
    expect(JSON.stringify(snapshot)).not.toContain(catalog.fake.apiKey);

    const stored = await catalog.database.db
      .selectFrom('catalog.catalog_versions')
      .select(['version', 'snapshot'])
      .where('version', '=', snapshot.catalog_version)
      .executeTakeFirstOrThrow();
    expect(catalogSnapshotV1Schema.parse(stored.snapshot)).toEqual(snapshot);
  });

  it('writes no new version when nothing changed', async () => {
    const before = await snapshotInKv();
    const report = await sync();
    expect(report).toMatchObject({
      status: 'succeeded',
      changed: false,
      catalog_version: before.catalog_version,
    });
  });

  it('prices a change as a new price row while the old one keeps its effective_from', async () => {
    const before = await snapshotInKv();
    const oldVersion = before.models.find((model) => model.id === 'openai/gpt-4o')?.routes[0]
      ?.price_version;
    catalog.fake.setOpenRouterModels(
      defaultModels().map((model) =>
        model.id === 'openai/gpt-4o'
          ? { ...model, pricing: { ...model.pricing, prompt: '0.000002' } }
          : model,
      ),
    );
    const report = await sync();
    expect(report.changed).toBe(true);
    expect(report.diff).toMatchObject({ repriced: ['openai/gpt-4o'], counts: { repriced: 1 } });
    const after = await snapshotInKv();
    expect(after.catalog_version > before.catalog_version).toBe(true);
    const route = after.models.find((model) => model.id === 'openai/gpt-4o')?.routes[0];
    expect(route?.pricing.prompt).toBe('0.000002');
    expect(route?.price_version).not.toBe(oldVersion);

    const prices = await catalog.database.db
      .selectFrom('catalog.prices')
      .select(['prompt', 'completion', 'effective_from'])
      .where('model_id', '=', 'openai/gpt-4o')
      .where('provider', '=', 'openai')
      .orderBy('effective_from')
      .execute();
    expect(prices.map((price) => price.prompt)).toEqual(['0.0000025', '0.000002']);
    expect(prices[0]?.effective_from.toISOString()).toBe(oldVersion);
    expect(prices[1]?.effective_from.toISOString()).toBe(route?.price_version);
  });

  it('rejects bad entries one by one with a reason and imports the rest', async () => {
    catalog.fake.setOpenRouterModels([
      ...defaultModels(),
      fakeOpenRouterModel('openai/gpt-negative', { pricing: { prompt: '-1' } }),
      fakeOpenRouterModel('openai/gpt-absurd', { pricing: { completion: '15' } }),
      fakeOpenRouterModel('openai/gpt-tiny', { context_length: 0 }),
      fakeOpenRouterModel('openai/gpt-huge', { context_length: 100_000_000 }),
      {
        id: 'openai/gpt-nameless',
        context_length: 1000,
        pricing: { prompt: '0', completion: '0' },
      },
    ]);
    catalog.fake.setProviderModels('openai', [
      'gpt-4o',
      'gpt-negative',
      'gpt-absurd',
      'gpt-tiny',
      'gpt-huge',
      'gpt-nameless',
    ]);
    const report = await sync();
    expect(
      report.status,
      JSON.stringify([report.sources, report.publish_error, report.error]),
    ).toBe('succeeded');
    expect(report.rejected).toEqual([
      { source: 'openrouter', id: 'openai/gpt-negative', reason: 'pricing.prompt -1 is negative' },
      {
        source: 'openrouter',
        id: 'openai/gpt-absurd',
        reason: 'pricing.completion 15 is absurd (over $1)',
      },
      {
        source: 'openrouter',
        id: 'openai/gpt-tiny',
        reason: 'context_length 0 is outside 1..10000000',
      },
      {
        source: 'openrouter',
        id: 'openai/gpt-huge',
        reason: 'context_length 100000000 is outside 1..10000000',
      },
      { source: 'openrouter', id: 'openai/gpt-nameless', reason: 'name is missing' },
    ]);
    expect(report.sources.openrouter).toMatchObject({ status: 'ok', models: 5, rejected: 5 });
    const ids = (await snapshotInKv()).models.map((model) => model.id);
    expect(ids).toContain('openai/gpt-4o');
    expect(ids.filter((id) => id.startsWith('openai/gpt-') && id !== 'openai/gpt-4o')).toEqual([]);
    const metrics = await catalog.metrics.registry.metrics();
    expect(metrics).toMatch(
      /switchyard_catalog_sync_models_rejected\{source="openrouter",service="catalog"\} 5/,
    );
  });

  it.each(['error-500', 'garbage'] as const)(
    'keeps the last good data of a source answering %s, and says so',
    async (behaviour) => {
      const before = await snapshotInKv();
      catalog.fake.setBehaviour('openrouter', behaviour);
      catalog.fake.setBehaviour('anthropic', behaviour);
      try {
        const report = await sync();
        expect(report.status).toBe('partial');
        expect(report.sources.openrouter).toMatchObject({
          status: 'failed',
          used: 'last_good',
          models: 5,
        });
        expect(report.sources['provider:anthropic']).toMatchObject({
          status: 'failed',
          used: 'last_good',
        });
        expect(report.retired).toEqual([]);
        const after = await snapshotInKv();
        expect(after.models).toEqual(before.models);
        const metrics = await catalog.metrics.registry.metrics();
        expect(metrics).toMatch(
          /switchyard_catalog_sync_source_failures_total\{source="openrouter",service="catalog"\} [1-9]/,
        );
        expect(metrics).toMatch(
          /switchyard_catalog_sync_runs_total\{status="partial",service="catalog"\} [1-9]/,
        );
      } finally {
        catalog.fake.setBehaviour('openrouter', 'ok');
        catalog.fake.setBehaviour('anthropic', 'ok');
      }
    },
  );

  it('tells a KV watcher about a new version within 2 s', async () => {
    const store = await catalog.bus.kv(catalog.bucket);
    const seen: string[] = [];
    const watch = await store.watch(CATALOG_SNAPSHOT_KEY, (entry) => {
      if (entry.value === undefined) return;
      const snapshot = catalogSnapshotV1Schema.parse(
        JSON.parse(new TextDecoder().decode(entry.value)),
      );
      seen.push(snapshot.catalog_version);
    });
    try {
      catalog.fake.setOpenRouterModels(
        defaultModels().map((model) =>
          model.id === 'google/gemini-2.0-flash' ? { ...model, context_length: 1_000_000 } : model,
        ),
      );
      const started = Date.now();
      const report = await sync();
      await expect
        .poll(() => seen.includes(String(report.catalog_version)), { timeout: 2_000 })
        .toBe(true);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      watch.stop();
    }
  });
});
