import type { Bus } from '@switchyard/bus';
import {
  createEncryptionKeyring,
  type EncryptionKeyring,
  type ModelConfig,
  type ProviderConfig,
} from '@switchyard/config';
import { findLiveApiKey, type Tables } from '@switchyard/db';
import { createAdminAuthenticator, type ServiceApp } from '@switchyard/service-kit';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { registerCatalogAdminRoutes } from './admin/register-catalog-admin-routes.js';
import { buildCatalogApp } from './app.js';
import type { CatalogConfig } from './config.js';
import { publishCatalog } from './sync/publish/publish-catalog.js';
import { type CatalogSyncDeps, runCatalogSync } from './sync/run-catalog-sync.js';
import { type InProcessSyncOptions, startInProcessSync } from './sync/start-in-process-sync.js';

/** What the catalog runs on. */
export interface CatalogStores {
  db: Kysely<Tables>;
  /** Settles once `db` is migrated (standalone migrates in the background); default at once. */
  migrated?: Promise<unknown>;
  /** Where snapshots are published: NATS KV, or the in-process bus. */
  bus: Bus;
}

/**
 * How sync runs are queued: a BullMQ repeatable job on Redis (one run at a time across
 * replicas), or in this process (standalone), optionally on a timer and once at start.
 */
export type CatalogSyncMode =
  | { redisUrl: string; intervalMs: number }
  | Pick<InProcessSyncOptions, 'intervalMs' | 'atStart'>;

/** The settings the catalog's work reads (its own server's come with them when it has one). */
export type CatalogStartConfig = Pick<
  CatalogConfig,
  | 'masterKey'
  | 'consoleActorSecret'
  | 'pepper'
  | 'encryptionKey'
  | 'previousEncryptionKeys'
  | 'openRouterCatalogUrl'
  | 'fetchTimeoutMs'
> & {
  /** libs/config's providers and models: the org's overrides, and where model lists are read. */
  providers: readonly ProviderConfig[];
  models: readonly ModelConfig[];
};
type ServerSettings = Pick<
  CatalogConfig,
  'logLevel' | 'bodyLimitBytes' | 'headersTimeoutMs' | 'bodyTimeoutMs'
>;

/** Options of {@link startCatalog}: its own server, or `app` to mount on (standalone). */
export type StartCatalogOptions = {
  stores: CatalogStores;
  sync: CatalogSyncMode;
  /** Default the server's logger. */
  logger?: Logger;
} & (
  | { config: CatalogStartConfig & ServerSettings; app?: undefined }
  | { config: CatalogStartConfig; app: ServiceApp }
);

/** The catalog, started: the app it serves on, and its sync. */
export interface CatalogService extends ServiceApp {
  /** Settles once the sync runner is up; rejects with why it could not start. */
  started: Promise<void>;
  /** Settles once the sync run queued at start (if any) is done. */
  startRun: Promise<void>;
  /** Stops the sync runner (the server is the caller's to close). */
  stop(): Promise<void>;
}

interface SyncRunner {
  enqueue(trigger: string): Promise<string>;
  idle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The catalog for its own process (`main.ts`) and standalone alike: the admin API (models,
 * providers, credentials, sync) on its own server or on `app`, and, once the database is
 * migrated, the sync runner; admin changes publish the snapshot gateways follow.
 */
export function startCatalog(options: StartCatalogOptions): CatalogService {
  const { stores, config, sync } = options;
  const migrated = stores.migrated ?? Promise.resolve();
  const keyring = createEncryptionKeyring(config.encryptionKey, config.previousEncryptionKeys);
  const enqueueSync = async (trigger: string) => (await runner).enqueue(trigger);
  const { host, syncDeps } = mountOrBuild(options, keyring, enqueueSync);
  const runner: Promise<SyncRunner> = migrated.then(() => startRunner(sync, syncDeps, stores.db));
  const startRun = runner.then((running) => running.idle());
  // A failed start is the caller's to report (`started`); the admin routes answer for it.
  runner.catch(() => undefined);
  startRun.catch(() => undefined);
  if (options.app !== undefined) {
    registerCatalogAdminRoutes(host.app, {
      db: stores.db,
      authenticate: createAdminAuthenticator({
        masterKey: config.masterKey,
        ...(config.consoleActorSecret !== undefined && { actorSecret: config.consoleActorSecret }),
        findLiveKey: (secret) => findLiveApiKey(stores.db, secret, config.pepper),
      }),
      keyring,
      configProviders: config.providers.map((provider) => provider.name),
      // Published after the start run, whose tables hold the configuration's models.
      publish: async () => {
        await startRun;
        return publishCatalog(syncDeps);
      },
      enqueueSync,
    });
  }
  return {
    ...host,
    started: runner.then(() => undefined),
    startRun,
    async stop() {
      await (await runner.catch(() => undefined))?.close();
    },
  };
}

function mountOrBuild(
  options: StartCatalogOptions,
  keyring: EncryptionKeyring,
  enqueueSync: (trigger: string) => Promise<string>,
): { host: ServiceApp; syncDeps: CatalogSyncDeps } {
  const { stores, config } = options;
  const catalog = { providers: config.providers, models: config.models };
  if (options.app !== undefined) {
    const syncDeps: CatalogSyncDeps = {
      db: stores.db,
      bus: stores.bus,
      config: catalog,
      fetch: globalThis.fetch,
      openRouterCatalogUrl: config.openRouterCatalogUrl,
      fetchTimeoutMs: config.fetchTimeoutMs,
      keyring,
      logger: options.logger ?? options.app.app.log,
    };
    return { host: options.app, syncDeps };
  }
  const built = buildCatalogApp(
    {
      db: stores.db,
      bus: stores.bus,
      masterKey: config.masterKey,
      ...(config.consoleActorSecret !== undefined && {
        consoleActorSecret: config.consoleActorSecret,
      }),
      pepper: config.pepper,
      keyring,
      logLevel: options.config.logLevel,
      bodyLimitBytes: options.config.bodyLimitBytes,
      headersTimeoutMs: options.config.headersTimeoutMs,
      bodyTimeoutMs: options.config.bodyTimeoutMs,
      config: catalog,
      openRouterCatalogUrl: config.openRouterCatalogUrl,
      fetchTimeoutMs: config.fetchTimeoutMs,
    },
    { enqueueSync, ...(options.logger && { logger: options.logger }) },
  );
  return { host: built, syncDeps: built.syncDeps };
}

async function startRunner(
  sync: CatalogSyncMode,
  deps: CatalogSyncDeps,
  db: Kysely<Tables>,
): Promise<SyncRunner> {
  if (!('redisUrl' in sync)) return startInProcessSync(deps, sync);
  // BullMQ is loaded only where Redis runs the sync.
  const { startSyncScheduler } = await import('./sync/start-sync-scheduler.js');
  const scheduler = await startSyncScheduler({
    redisUrl: sync.redisUrl,
    db,
    intervalMs: sync.intervalMs,
    run: (runId, trigger) =>
      runCatalogSync(deps, { ...(runId !== undefined && { runId }), trigger }),
    logger: deps.logger,
  });
  return {
    enqueue: (trigger) => scheduler.enqueue(trigger),
    idle: async () => undefined,
    close: () => scheduler.close(),
  };
}
