import { createMemoryBus } from '@switchyard/bus';
import { CATALOG_SNAPSHOT_KEY, catalogSnapshotV1Schema } from '@switchyard/contracts';
import { createDatabase, migrateToLatest } from '@switchyard/db';
import { type FakeModelCatalog, startFakeModelCatalog } from '@switchyard/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCatalogSync } from './run-catalog-sync.js';
import { startInProcessSync } from './start-in-process-sync.js';

// Standalone mode: PGlite and the in-process bus, no Redis, Postgres or NATS.
const database = createDatabase({ pglite: { dataDir: undefined } });
const bus = createMemoryBus();
let fake: FakeModelCatalog;

beforeAll(async () => {
  await migrateToLatest(database.db, 'catalog');
  fake = await startFakeModelCatalog();
}, 60_000);

afterAll(async () => {
  await fake?.close();
  await bus.close();
  await database.close();
});

describe('runCatalogSync in standalone mode', () => {
  it('syncs on PGlite and publishes to the in-process bus, on a timer too', async () => {
    const deps = {
      db: database.db,
      bus,
      config: {
        providers: [
          {
            name: 'openrouter',
            type: 'openrouter' as const,
            baseUrl: fake.baseUrls.openrouter,
            credentials: [
              {
                id: 'openrouter:0',
                key: fake.apiKey,
                rpm: undefined,
                tpm: undefined,
                dailyRequests: undefined,
              },
            ],
            keyStrategy: 'round_robin' as const,
            headers: {},
          },
        ],
        models: [],
      },
      fetch: globalThis.fetch,
      openRouterCatalogUrl: fake.openRouterCatalogUrl,
      logger: pino({ level: 'silent' }),
    };
    const report = await runCatalogSync(deps, { trigger: 'test' });
    expect(report, JSON.stringify(report.error)).toMatchObject({
      status: 'succeeded',
      changed: true,
    });
    const entry = await (await bus.kv('catalog')).get(CATALOG_SNAPSHOT_KEY);
    const snapshot = catalogSnapshotV1Schema.parse(
      JSON.parse(new TextDecoder().decode(entry?.value)),
    );
    expect(snapshot.models.map((model) => model.id)).toContain('meta-llama/llama-3.1-8b-instruct');

    const reports: string[] = [];
    const timer = startInProcessSync(deps, {
      intervalMs: 50,
      onReport: (done) => reports.push(done.status),
    });
    await expect.poll(() => reports.length, { timeout: 5_000 }).toBeGreaterThanOrEqual(1);
    await timer.close();
    expect(reports[0]).toBe('succeeded');
    // PGlite reads numeric prices back exactly: an unchanged price adds no row.
    const prices = await database.db.selectFrom('catalog.prices').select('model_id').execute();
    const routes = await database.db.selectFrom('catalog.routes').select('model_id').execute();
    expect(prices).toHaveLength(routes.length);
  }, 60_000);
});
