import { randomBytes } from 'node:crypto';
import { type Bus, connectNatsBus } from '@switchyard/bus';
import type { ModelConfig, ProviderConfig } from '@switchyard/config';
import { createEncryptionKeyring, type EncryptionKeyring } from '@switchyard/config';
import { createDatabase, type Database, migrateToLatest } from '@switchyard/db';
import {
  type FakeModelCatalog,
  startFakeModelCatalog,
  useNats,
  usePostgres,
} from '@switchyard/testing';
import pg from 'pg';
import { buildCatalogApp, type CatalogApp } from '../app.js';

/** A migrated throw-away database, real NATS, a fake model catalog, and the catalog app on them. */
export interface TestCatalog extends CatalogApp {
  database: Database;
  bus: Bus;
  /** This test file's own KV bucket. */
  bucket: string;
  fake: FakeModelCatalog;
  masterKey: string;
  pepper: string;
  keyring: EncryptionKeyring;
  stop(): Promise<void>;
}

/**
 * Creates `switchyard_catalog_test_<random>` (both schemas migrated: admin keys live in
 * accounting), connects to `NATS_URL`, starts the fake catalog and builds the app with providers
 * `openai`, `anthropic`, `google` and `openrouter` pointed at the fake (and `moreProviders`, a
 * test's own fakes); syncs run in-process.
 */
export async function startCatalogForTest(
  configModels: readonly ModelConfig[] = [],
  moreProviders: readonly ProviderConfig[] = [],
): Promise<TestCatalog> {
  const [server, nats] = await Promise.all([usePostgres(), useNats()]);
  const name = `switchyard_catalog_test_${randomBytes(6).toString('hex')}`;
  await runOnServer(server.url, `create database ${name}`);
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  const database = createDatabase({ url: url.toString() });
  await migrateToLatest(database.db, 'accounting');
  await migrateToLatest(database.db, 'catalog');
  const bus = await connectNatsBus({ url: nats.url, name: 'catalog-test' });
  const fake = await startFakeModelCatalog();
  const bucket = `catalog_test_${randomBytes(6).toString('hex')}`;
  const masterKey = `master-${randomBytes(8).toString('hex')}`;
  const pepper = 'test-pepper-0123456789';
  const keyring = createEncryptionKeyring(randomBytes(32).toString('base64'));
  const provider = (providerName: string, type: ProviderConfig['type']): ProviderConfig => ({
    name: providerName,
    type,
    baseUrl: fake.baseUrls[type === 'openrouter' ? 'openrouter' : (providerName as 'openai')],
    credentials: [
      {
        id: `${providerName}:0`,
        key: fake.apiKey,
        rpm: undefined,
        tpm: undefined,
        dailyRequests: undefined,
      },
    ],
    keyStrategy: 'round_robin',
    headers: {},
  });
  const catalog = buildCatalogApp(
    {
      db: database.db,
      bus,
      masterKey,
      pepper,
      keyring,
      logLevel: 'silent',
      bodyLimitBytes: 1_048_576,
      config: {
        providers: [
          provider('openai', 'openai'),
          provider('anthropic', 'anthropic'),
          provider('google', 'google'),
          provider('openrouter', 'openrouter'),
          ...moreProviders,
        ],
        models: configModels,
      },
      openRouterCatalogUrl: fake.openRouterCatalogUrl,
      fetchTimeoutMs: 5_000,
    },
    { bucket },
  );
  await catalog.app.ready();
  return {
    ...catalog,
    database,
    bus,
    bucket,
    fake,
    masterKey,
    pepper,
    keyring,
    stop: async () => {
      await catalog.app.close();
      await fake.close();
      await bus.close();
      await database.close();
      await runOnServer(server.url, `drop database if exists ${name} with (force)`);
      await Promise.all([server.stop(), nats.stop()]);
    },
  };
}

async function runOnServer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
