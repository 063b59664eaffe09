import type { NewUsageEventRow, Tables } from '@switchyard/db';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { AlertDelivery, AlertDeliverySettings } from './alert-delivery.js';
import type { AlertsConfig } from './alerts-config.js';
import { checkBudgetAlerts, type TouchedBudgetOwners } from './check-budget-alerts.js';
import { startLocalAlertDelivery } from './start-local-alert-delivery.js';
import { syncConfigWebhook } from './sync-config-webhook.js';

/** Options of {@link startSpendAlerts}. */
export interface SpendAlertsOptions {
  db: Kysely<Tables>;
  logger: Logger;
  /** With Redis, deliveries go through BullMQ (any replica sends); without, from this process. */
  redisUrl: string | undefined;
  delivery?: Partial<AlertDeliverySettings>;
  /** From the environment: delivery settings (`delivery` wins) and the global `config` webhook. */
  config?: AlertsConfig;
  /** The clock periods and projections are judged by; default `Date.now`. */
  now?: () => number;
  queueName?: string;
}

/** Spend alerts, running: told of each batch of usage written, they check and send. */
export interface SpendAlerts {
  /** Checks the budgets of the keys and teams in `rows`; never throws (a failure is logged). */
  onUsageWritten(rows: readonly Pick<NewUsageEventRow, 'key_id' | 'team_id'>[]): Promise<void>;
  /** Checks one key's or team's budget after it changed (a limit lowered below the spend). */
  onBudgetChanged(change: { kind: 'key' | 'team'; id: string }): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Budget alerts for accounting: after each batch of usage lands in the ledger, the budgets it
 * touched are checked against their thresholds and projection, and the alerts due are recorded
 * once and queued for their webhooks.
 */
export async function startSpendAlerts(options: SpendAlertsOptions): Promise<SpendAlerts> {
  const now = options.now ?? Date.now;
  const settings = { ...options.config?.delivery, ...options.delivery };
  // BullMQ across replicas with Redis; timers in this process without (standalone).
  const delivery: AlertDelivery =
    options.redisUrl === undefined
      ? startLocalAlertDelivery({ db: options.db, logger: options.logger, now, settings })
      : // BullMQ and ioredis load only here, with Redis: a standalone never pays for them.
        (await import('./start-alert-delivery.js')).startAlertDelivery({
          redisUrl: options.redisUrl,
          db: options.db,
          logger: options.logger,
          now,
          settings,
          ...(options.queueName !== undefined && { queueName: options.queueName }),
        });
  if (options.config !== undefined) {
    syncConfigWebhook(options.db, options.config.webhook).catch((error: unknown) =>
      options.logger.error({ err: error }, 'could not set up the configured alert webhook'),
    );
  }
  const check = async (touched: TouchedBudgetOwners) => {
    try {
      await delivery.enqueue(await checkBudgetAlerts(options.db, touched, now()));
    } catch (error: unknown) {
      // The next batch of the same budget checks again; a lost enqueue is swept up.
      options.logger.warn({ err: error }, 'spend alerts not checked');
    }
  };
  // One check at a time per process: owners touched while one runs are merged into the next, so
  // concurrent batches (pull loops, a burst of budget changes) never pile up checks.
  let keyIds = new Set<string>();
  let teamIds = new Set<string>();
  let running: Promise<void> | undefined;
  const drain = async () => {
    while (keyIds.size + teamIds.size > 0) {
      const touched = { keyIds: [...keyIds], teamIds: [...teamIds] };
      keyIds = new Set();
      teamIds = new Set();
      await check(touched);
    }
    running = undefined;
  };
  /** Settles once the owners given have been checked. */
  const schedule = (keys: Iterable<string>, teams: Iterable<string>): Promise<void> => {
    for (const id of keys) keyIds.add(id);
    for (const id of teams) teamIds.add(id);
    if (running === undefined && keyIds.size + teamIds.size === 0) return Promise.resolve();
    running ??= drain();
    return running;
  };
  return {
    async onUsageWritten(rows) {
      await schedule(
        rows.flatMap((row) => row.key_id ?? []),
        rows.flatMap((row) => row.team_id ?? []),
      );
    },
    async onBudgetChanged(change) {
      await schedule(
        change.kind === 'key' ? [change.id] : [],
        change.kind === 'team' ? [change.id] : [],
      );
    },
    async stop() {
      await delivery.stop();
    },
  };
}
