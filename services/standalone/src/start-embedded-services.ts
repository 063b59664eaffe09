import {
  BUDGET_RECONCILE_INTERVAL_MS,
  publishKeyChanges,
  reconcileBudgetCounters,
  registerAccountingRoutes,
  startBudgetReconciler,
  startUsageAccounting,
} from '@switchyard/accounting';
import { type Bus, USAGE_STREAM, USAGE_SUBJECTS } from '@switchyard/bus';
import {
  createEncryptionKeyring,
  publishCatalog,
  registerCatalogAdminRoutes,
  startInProcessSync,
} from '@switchyard/catalog';
import type { SwitchyardConfig } from '@switchyard/config';
import { findLiveApiKey, migrateToLatest, type Tables } from '@switchyard/db';
import type { BudgetLedger } from '@switchyard/limits';
import { apiErrors, createAdminAuthenticator } from '@switchyard/service-kit';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';

/** How long the in-process usage stream keeps messages (as accounting's default). */
const USAGE_STREAM_MAX_AGE_MS = 7 * 86_400_000;

/** How often standalone re-syncs the catalog (the distributed catalog service: hourly too). */
const CATALOG_SYNC_INTERVAL_MS = 3_600_000;

/** What standalone runs in-process beside the gateway, and how to stop it. */
export interface EmbeddedServices {
  stop(): Promise<void>;
}

/**
 * Migrates the embedded database's schemas and raises the in-memory budget counters to the
 * ledger's spend (a restart must not reset them); resolves with it ready to serve team keys.
 */
export async function prepareEmbeddedDatabase(
  db: Kysely<Tables>,
  budgets: BudgetLedger,
): Promise<Kysely<Tables>> {
  await migrateToLatest(db, 'accounting');
  await migrateToLatest(db, 'catalog');
  await reconcileBudgetCounters(db, budgets, Date.now());
  return db;
}

/**
 * Accounting and catalog inside the standalone process, on PGlite and the in-process bus: their
 * admin APIs on the gateway's server (503 until the database is migrated, which runs in the
 * background so the gateway serves the master key at once), the usage consumer writing the
 * ledger, the budget reconciler and the catalog sync on timers.
 */
export function startEmbeddedServices(options: {
  app: FastifyInstance;
  db: Kysely<Tables>;
  /** `db` once migrated ({@link prepareEmbeddedDatabase}). */
  database: Promise<Kysely<Tables>>;
  bus: Bus;
  /** The gateway's budget counters, reconciled from the ledger every minute and on changes. */
  budgets: BudgetLedger;
  config: SwitchyardConfig;
  masterKey: string;
  pepper: string;
  encryptionKey: string;
  /** Sync the catalog at start and hourly (`SWITCHYARD_CATALOG_SYNC`, default on). */
  catalogSync: boolean;
  logger: Logger;
  registry: Registry;
}): EmbeddedServices {
  const { app, db, bus, logger, database } = options;
  // The stream exists from the first request on, so usage published while the embedded database
  // is still starting waits in the stream (the consumer creates it with these settings too).
  void bus.ensureStream({
    name: USAGE_STREAM,
    subjects: [USAGE_SUBJECTS],
    maxAgeMs: USAGE_STREAM_MAX_AGE_MS,
  });
  database.catch((error: unknown) =>
    logger.error({ err: error }, 'embedded database failed to start'),
  );
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/admin/')) return;
    // With the sync off the configuration is written to the catalog tables at start (in
    // milliseconds): admin routes wait for it, so no admin change publishes a catalog without it.
    await (options.catalogSync ? database : startRun).catch((error: unknown) => {
      throw apiErrors.unavailable('The embedded database failed to start; see the logs.', error);
    });
  });
  const publishChange = publishKeyChanges({ db, bus, logger });
  registerAccountingRoutes(app, {
    db,
    pepper: options.pepper,
    masterKey: options.masterKey,
    // A budget set below what the ledger already holds refuses at once, not a minute later.
    onChange: async (change) => {
      await publishChange(change);
      await started.then(
        (running) => running.budgets.reconcile(change),
        () => undefined,
      );
    },
  });
  const syncDeps = {
    db,
    bus,
    config: options.config,
    fetch: globalThis.fetch,
    openRouterCatalogUrl: openRouterCatalogUrl(options.config),
    keyring: createEncryptionKeyring(options.encryptionKey),
    logger,
  };
  const started = database.then(async () => {
    const usage = await startUsageAccounting({
      bus,
      db,
      logger,
      registry: options.registry,
      usage: {
        retentionDays: 90,
        streamMaxAgeMs: USAGE_STREAM_MAX_AGE_MS,
        batchSize: 500,
        batchWaitMs: 1_000,
      },
    });
    // Off: the catalog is the configuration alone (written to the tables at start, so the
    // snapshots admin changes publish keep it), and a full sync runs only when asked for.
    const sync = startInProcessSync(
      syncDeps,
      options.catalogSync
        ? { intervalMs: CATALOG_SYNC_INTERVAL_MS, atStart: 'sync' }
        : { atStart: 'config-only' },
    );
    // The first reconciliation ran in prepareEmbeddedDatabase; this one keeps them current.
    const budgets = startBudgetReconciler({
      db,
      ledger: options.budgets,
      logger,
      startDelayMs: BUDGET_RECONCILE_INTERVAL_MS,
    });
    return { usage, sync, budgets };
  });
  /** The start run of the catalog sync, done. */
  const startRun = started.then((running) => running.sync.idle());
  // A failed start is logged above; the admin routes answer 503 for it.
  started.catch(() => undefined);
  startRun.catch(() => undefined);
  registerCatalogAdminRoutes(app, {
    db,
    authenticate: createAdminAuthenticator({
      masterKey: options.masterKey,
      findLiveKey: (secret) => findLiveApiKey(db, secret, options.pepper),
    }),
    keyring: syncDeps.keyring,
    configProviders: options.config.providers.map((provider) => provider.name),
    // Published after the start run, whose tables hold the configuration's models.
    publish: async () => {
      await startRun;
      return publishCatalog({ db, bus });
    },
    enqueueSync: async (trigger) => (await started).sync.enqueue(trigger),
  });
  return {
    async stop() {
      const running = await started.catch(() => undefined);
      await running?.sync.close();
      await running?.budgets.stop();
      await running?.usage.stop();
    },
  };
}

/**
 * OpenRouter's public model list when an `openrouter` provider is configured (its base URL), else
 * none: a laptop without OpenRouter keeps exactly the models of its configuration.
 */
function openRouterCatalogUrl(config: SwitchyardConfig): string | undefined {
  const provider = config.providers.find((candidate) => candidate.type === 'openrouter');
  return provider === undefined ? undefined : `${provider.baseUrl.replace(/\/$/, '')}/models`;
}
