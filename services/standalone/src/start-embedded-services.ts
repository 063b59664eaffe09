import {
  BUDGET_RECONCILE_INTERVAL_MS,
  reconcileBudgetCounters,
  startAccounting,
} from '@switchyard/accounting';
import { type Bus, USAGE_STREAM, USAGE_SUBJECTS } from '@switchyard/bus';
import { startCatalog } from '@switchyard/catalog';
import type { SwitchyardConfig } from '@switchyard/config';
import { startConsole } from '@switchyard/console';
import { migrateToLatest, type Tables } from '@switchyard/db';
import type { BudgetLedger } from '@switchyard/limits';
import { descriptorFor } from '@switchyard/providers';
import { apiErrors, type ServiceApp } from '@switchyard/service-kit';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { StandaloneConfig } from './config.js';

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
 * Accounting, catalog and the console on the gateway's server (`gateway`), on PGlite and the
 * in-process bus, started by the same functions as their own processes: their admin APIs answer
 * 503 until the database is migrated, which runs in the background so the gateway serves the
 * master key at once.
 */
export function startEmbeddedServices(options: {
  gateway: ServiceApp;
  db: Kysely<Tables>;
  /** `db` once migrated ({@link prepareEmbeddedDatabase}). */
  database: Promise<Kysely<Tables>>;
  bus: Bus;
  /** The gateway's budget counters, reconciled from the ledger every minute and on changes. */
  budgets: BudgetLedger;
  config: StandaloneConfig;
  masterKey: string;
  pepper: string;
  encryptionKey: string;
  logger: Logger;
}): EmbeddedServices {
  const { gateway, db, bus, logger, database, config, masterKey, pepper } = options;
  // The stream exists from the first request on, so usage published while the embedded database
  // is still starting waits in the stream (the consumer creates it with these settings too).
  void bus.ensureStream({
    name: USAGE_STREAM,
    subjects: [USAGE_SUBJECTS],
    maxAgeMs: config.usage.streamMaxAgeMs,
  });
  database.catch((error: unknown) =>
    logger.error({ err: error }, 'embedded database failed to start'),
  );
  gateway.app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/admin/')) return;
    // With the sync off the configuration is written to the catalog tables at start (in
    // milliseconds): admin routes wait for it, so no admin change publishes a catalog without it.
    await (config.catalogSync ? database : catalog.startRun).catch((error: unknown) => {
      throw apiErrors.unavailable('The embedded database failed to start; see the logs.', error);
    });
  });
  const accounting = startAccounting({
    config: { pepper, masterKey, usage: config.usage, redisUrl: undefined, alerts: config.alerts },
    stores: {
      db,
      migrated: database,
      bus,
      // The first reconciliation ran in prepareEmbeddedDatabase; this one keeps them current.
      budgets: { ledger: options.budgets, startDelayMs: BUDGET_RECONCILE_INTERVAL_MS },
    },
    app: gateway,
    logger,
  });
  const catalog = startCatalog({
    config: {
      masterKey,
      pepper,
      encryptionKey: options.encryptionKey,
      previousEncryptionKeys: config.access.previousEncryptionKeys,
      openRouterCatalogUrl: openRouterCatalogUrl(config.shared),
      fetchTimeoutMs: config.catalog.fetchTimeoutMs,
      auditRetentionDays: config.catalog.auditRetentionDays,
      providers: config.shared.providers,
      models: config.shared.models,
    },
    stores: { db, migrated: database, bus },
    // Off: the catalog is the configuration alone (written to the tables at start, so the
    // snapshots admin changes publish keep it), and a full sync runs only when asked for.
    sync: config.catalogSync
      ? { intervalMs: config.catalog.syncIntervalMs, atStart: 'sync' }
      : { atStart: 'config-only' },
    app: gateway,
    logger,
  });
  // A failed start is logged above; the admin routes answer 503 for it.
  accounting.started.catch(() => undefined);
  catalog.started.catch(() => undefined);
  // The web console at /console, calling the same public APIs on this server.
  startConsole({ app: gateway });
  return {
    async stop() {
      await catalog.stop();
      await accounting.stop();
    },
  };
}

/**
 * The aggregator's public model list (OpenRouter's) when a provider of an aggregator type is
 * configured (its base URL), else none: a laptop without one keeps exactly the models of its
 * configuration.
 */
function openRouterCatalogUrl(config: SwitchyardConfig): string | undefined {
  const provider = config.providers.find(
    (candidate) => descriptorFor(candidate.type)?.aggregator === true,
  );
  return provider === undefined ? undefined : `${provider.baseUrl.replace(/\/$/, '')}/models`;
}
