import type { Bus } from '@switchyard/bus';
import type { EncryptionKeyring, LogLevel, ModelConfig, ProviderConfig } from '@switchyard/config';
import { assertSchemaCurrent, findLiveApiKey, type Tables } from '@switchyard/db';
import {
  createAdminAuthenticator,
  createServiceApp,
  type Readiness,
} from '@switchyard/service-kit';
import { createServiceMetrics, type ServiceMetrics } from '@switchyard/telemetry';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { registerCatalogAdminRoutes } from './admin/register-catalog-admin-routes.js';
import { type CatalogSyncMetrics, createCatalogSyncMetrics } from './sync/catalog-sync-metrics.js';
import { publishCatalog } from './sync/publish/publish-catalog.js';
import type { CatalogSyncDeps } from './sync/run-catalog-sync.js';
import { startInProcessSync } from './sync/start-in-process-sync.js';

/** What the catalog service is built from. */
export interface CatalogAppOptions {
  db: Kysely<Tables>;
  bus: Bus;
  masterKey: string;
  /** Accept the console's signed SSO actor assertions (see `createAdminAuthenticator`). */
  consoleActorSecret?: string;
  pepper: string;
  keyring: EncryptionKeyring;
  logLevel: LogLevel;
  bodyLimitBytes: number;
  /** Request receive timeouts (service-kit's defaults when unset). */
  headersTimeoutMs?: number;
  bodyTimeoutMs?: number;
  /** libs/config's providers and models: the org's overrides, and where model lists are read. */
  config: { providers: readonly ProviderConfig[]; models: readonly ModelConfig[] };
  openRouterCatalogUrl: string | undefined;
  fetchTimeoutMs: number;
}

/** Test and composition hooks. */
export interface CatalogOverrides {
  logger?: Logger;
  /** Default `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch;
  /** Queues a sync run (BullMQ in `main.ts`); default: runs it in this process. */
  enqueueSync?: (trigger: string) => Promise<string>;
  /** The KV bucket snapshots go to; default `CATALOG_BUCKET`. */
  bucket?: string;
  now?: () => Date;
}

/** The built service. */
export interface CatalogApp {
  app: FastifyInstance;
  readiness: Readiness;
  metrics: ServiceMetrics;
  syncMetrics: CatalogSyncMetrics;
  /** What {@link runCatalogSync} needs, for the BullMQ worker or a timer. */
  syncDeps: CatalogSyncDeps;
  /** Settles when in-process sync runs queued so far are done (no-op with `enqueueSync`). */
  syncIdle(): Promise<void>;
}

/** Builds the catalog service (admin API for models, providers, credentials and sync) without listening. */
export function buildCatalogApp(
  options: CatalogAppOptions,
  overrides: CatalogOverrides = {},
): CatalogApp {
  const metrics = createServiceMetrics('catalog');
  const syncMetrics = createCatalogSyncMetrics(metrics.registry);
  let schemaCurrent = false;
  const readiness: Readiness = {
    draining: false,
    checks: [
      {
        // Not ready on a stale schema: a rollout never serves before its migrations ran. Once
        // current, stays so: a newer release's migrations must not take running pods out.
        name: 'catalog schema',
        check: async () => {
          if (!schemaCurrent) {
            await assertSchemaCurrent(options.db, 'catalog');
            schemaCurrent = true;
          }
          return true;
        },
      },
      { name: 'nats', check: async () => options.bus.isConnected() },
    ],
  };
  const app = createServiceApp({
    name: 'catalog',
    logLevel: options.logLevel,
    bodyLimitBytes: options.bodyLimitBytes,
    ...(options.headersTimeoutMs !== undefined && { headersTimeoutMs: options.headersTimeoutMs }),
    ...(options.bodyTimeoutMs !== undefined && { bodyTimeoutMs: options.bodyTimeoutMs }),
    metrics,
    readiness,
    ...(overrides.logger && { logger: overrides.logger }),
  });
  const syncDeps: CatalogSyncDeps = {
    db: options.db,
    bus: options.bus,
    config: options.config,
    fetch: overrides.fetch ?? globalThis.fetch,
    openRouterCatalogUrl: options.openRouterCatalogUrl,
    fetchTimeoutMs: options.fetchTimeoutMs,
    keyring: options.keyring,
    logger: app.log,
    metrics: syncMetrics,
    ...(overrides.bucket !== undefined && { bucket: overrides.bucket }),
    ...(overrides.now && { now: overrides.now }),
  };
  const inProcess = overrides.enqueueSync === undefined ? startInProcessSync(syncDeps) : undefined;
  app.addHook('onClose', async () => inProcess?.close());
  registerCatalogAdminRoutes(app, {
    db: options.db,
    authenticate: createAdminAuthenticator({
      masterKey: options.masterKey,
      ...(options.consoleActorSecret !== undefined && { actorSecret: options.consoleActorSecret }),
      findLiveKey: (secret) => findLiveApiKey(options.db, secret, options.pepper),
    }),
    keyring: options.keyring,
    configProviders: options.config.providers.map((provider) => provider.name),
    publish: () => publishCatalog(syncDeps),
    enqueueSync:
      overrides.enqueueSync ??
      ((trigger) => inProcess?.enqueue(trigger) ?? Promise.reject(new Error('no sync runner'))),
  });
  return {
    app,
    readiness,
    metrics,
    syncMetrics,
    syncDeps,
    syncIdle: async () => inProcess?.idle(),
  };
}
