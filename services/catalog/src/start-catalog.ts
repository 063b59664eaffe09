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
import { pruneCatalogAuditLog } from './audit/prune-catalog-audit-log.js';
import { startLocalAuditRetention } from './audit/start-local-audit-retention.js';
import { type CatalogConfig, DEFAULT_AUDIT_RETENTION_DAYS } from './config.js';
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
  /** `SWITCHYARD_AUDIT_RETENTION_DAYS`: pruned hourly past it, 0 keeps; default 365. */
  auditRetentionDays?: number;
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
  /** The clock audit retention measures age on; default the system's (tests set their own). */
  now?: () => Date;
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
  const retention = {
    days: config.auditRetentionDays ?? DEFAULT_AUDIT_RETENTION_DAYS,
    now: options.now ?? (() => new Date()),
  };
  const runner: Promise<SyncRunner> = migrated.then(() =>
    startRunner(sync, syncDeps, stores.db, retention),
  );
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

/** How long `catalog.audit_log` rows are kept (0: forever), by which clock. */
interface AuditRetention {
  days: number;
  now: () => Date;
}

async function startRunner(
  sync: CatalogSyncMode,
  deps: CatalogSyncDeps,
  db: Kysely<Tables>,
  retention: AuditRetention,
): Promise<SyncRunner> {
  if (!('redisUrl' in sync)) {
    // Standalone: no Redis, so the audit log is pruned on a timer beside the in-process sync.
    const inProcess = startInProcessSync(deps, sync);
    const audit = startLocalAuditRetention({
      db,
      logger: deps.logger,
      retentionDays: retention.days,
      now: retention.now,
    });
    return {
      enqueue: (trigger) => inProcess.enqueue(trigger),
      // The sync's runs only: admin routes wait for the start run, never for a prune.
      idle: () => inProcess.idle(),
      close: async () => {
        await Promise.all([inProcess.close(), audit.stop()]);
      },
    };
  }
  // BullMQ is loaded only where Redis runs the sync.
  const { startSyncScheduler } = await import('./sync/start-sync-scheduler.js');
  const scheduler = await startSyncScheduler({
    redisUrl: sync.redisUrl,
    db,
    intervalMs: sync.intervalMs,
    run: (runId, trigger) =>
      runCatalogSync(deps, { ...(runId !== undefined && { runId }), trigger }),
    ...(retention.days > 0 && {
      pruneAudit: { run: () => pruneCatalogAuditLog(db, retention.days, retention.now()) },
    }),
    logger: deps.logger,
  });
  return {
    enqueue: (trigger) => scheduler.enqueue(trigger),
    idle: async () => undefined,
    close: () => scheduler.close(),
  };
}
