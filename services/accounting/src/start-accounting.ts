import type { EventEmitter } from 'node:events';
import type { Bus } from '@switchyard/bus';
import type { Tables } from '@switchyard/db';
import type { BudgetLedger } from '@switchyard/limits';
import type { ServiceApp } from '@switchyard/service-kit';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { AccountingChange } from './admin/accounting-change.js';
import { startSpendAlerts } from './alerts/start-spend-alerts.js';
import { buildAccountingApp, registerAccountingRoutes } from './app.js';
import { startBudgetReconciler } from './budgets/start-budget-reconciler.js';
import type { AccountingConfig } from './config.js';
import { publishKeyChanges } from './keys/publish-key-changes.js';
import { startUsageAccounting } from './usage/start-usage-accounting.js';

/** What accounting runs on: its database and, when there are any, the bus and budget counters. */
export interface AccountingStores {
  db: Kysely<Tables>;
  /** Settles once `db` is migrated (standalone migrates in the background); default at once. */
  migrated?: Promise<unknown>;
  /** NATS or the in-process bus: key changes go out on it, usage events come in. */
  bus?: Bus;
  /** The gateways' budget counters, which the ledger keeps honest. */
  budgets?: {
    ledger: BudgetLedger;
    /** Their Redis client: each reconnect re-seeds them. */
    redis?: EventEmitter;
    /** Delay of the first reconciliation (standalone ran one before its gateway served keys). */
    startDelayMs?: number;
  };
}

/** The settings accounting's work reads (its own server's come with them when it has one). */
export type AccountingStartConfig = Pick<
  AccountingConfig,
  'pepper' | 'masterKey' | 'consoleActorSecret' | 'usage' | 'redisUrl' | 'alerts'
>;
type ServerSettings = Pick<
  AccountingConfig,
  'logLevel' | 'bodyLimitBytes' | 'headersTimeoutMs' | 'bodyTimeoutMs'
>;

/** Options of {@link startAccounting}: its own server, or `app` to mount on (standalone). */
export type StartAccountingOptions = { stores: AccountingStores; logger: Logger } & (
  | { config: AccountingStartConfig & ServerSettings; app?: undefined }
  | { config: AccountingStartConfig; app: ServiceApp }
);

/** Accounting, started: the app it serves on, and its background work. */
export interface AccountingService extends ServiceApp {
  /** Settles once the usage consumer and budget reconciler run; rejects with why they could not. */
  started: Promise<void>;
  /** Stops the consumer and the reconciler (the server is the caller's to close). */
  stop(): Promise<void>;
}

/**
 * Accounting for its own process (`main.ts`) and standalone alike: the admin API (teams, keys,
 * usage, request log) on its own server or on `app`, key changes published on the bus, and, once
 * the database is migrated, the usage consumer (with a bus) and the budget reconciler.
 */
export function startAccounting(options: StartAccountingOptions): AccountingService {
  const { stores, logger, config } = options;
  const { db, bus, budgets } = stores;
  const migrated = stores.migrated ?? Promise.resolve();
  const reconciler = migrated.then(() =>
    budgets === undefined
      ? undefined
      : startBudgetReconciler({
          db,
          ledger: budgets.ledger,
          logger,
          ...(budgets.redis && { redis: budgets.redis }),
          ...(budgets.startDelayMs !== undefined && { startDelayMs: budgets.startDelayMs }),
        }),
  );
  // Spend alerts check the budgets each batch of usage touched; BullMQ delivers (with Redis).
  const alerts = migrated.then(() =>
    bus === undefined
      ? undefined
      : startSpendAlerts({
          db,
          logger,
          redisUrl: config.redisUrl,
          ...(config.alerts && { config: config.alerts }),
        }),
  );
  const publishChange = bus ? publishKeyChanges({ db, bus, logger }) : undefined;
  // A budget set below what the ledger already holds refuses at once, not a minute later.
  const onChange = async (change: AccountingChange) => {
    await publishChange?.(change);
    await reconciler.then(
      (running) => running?.reconcile(change),
      () => undefined,
    );
    // A budget lowered to or below the spend alerts now, not at the next request.
    void alerts.then(
      (running) => running?.onBudgetChanged(change),
      () => undefined,
    );
  };
  const host = mountOrBuild(options, onChange);
  // Usage events arrive on the bus only; without one there is nothing to consume.
  const usage = alerts.then((spendAlerts) =>
    bus === undefined
      ? undefined
      : startUsageAccounting({
          bus,
          db,
          logger,
          registry: host.metrics.registry,
          usage: config.usage,
          redisUrl: config.redisUrl,
          ...(spendAlerts && { onWritten: spendAlerts.onUsageWritten }),
        }),
  );
  const started = Promise.all([reconciler, usage]).then(() => undefined);
  return {
    ...host,
    started,
    async stop() {
      await (await reconciler.catch(() => undefined))?.stop();
      await (await usage.catch(() => undefined))?.stop();
      await (await alerts.catch(() => undefined))?.stop();
    },
  };
}

function mountOrBuild(
  options: StartAccountingOptions,
  onChange: (change: AccountingChange) => Promise<void>,
): ServiceApp {
  const { db } = options.stores;
  if (options.app !== undefined) {
    const { pepper, masterKey, consoleActorSecret } = options.config;
    registerAccountingRoutes(options.app.app, {
      db,
      pepper,
      masterKey,
      ...(consoleActorSecret !== undefined && { consoleActorSecret }),
      onChange,
    });
    return options.app;
  }
  const { pepper, masterKey, consoleActorSecret, logLevel, bodyLimitBytes } = options.config;
  const { headersTimeoutMs, bodyTimeoutMs } = options.config;
  return buildAccountingApp(
    {
      db,
      pepper,
      masterKey,
      ...(consoleActorSecret !== undefined && { consoleActorSecret }),
      logLevel,
      bodyLimitBytes,
      headersTimeoutMs,
      bodyTimeoutMs,
    },
    { logger: options.logger, onChange },
  );
}
