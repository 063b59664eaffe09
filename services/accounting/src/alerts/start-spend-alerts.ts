import type { NewUsageEventRow, Tables } from '@switchyard/db';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { AlertsConfig } from './alerts-config.js';
import { checkBudgetAlerts } from './check-budget-alerts.js';
import {
  type AlertDelivery,
  type AlertDeliverySettings,
  startAlertDelivery,
} from './start-alert-delivery.js';
import { syncConfigWebhook } from './sync-config-webhook.js';

/** Options of {@link startSpendAlerts}. */
export interface SpendAlertsOptions {
  db: Kysely<Tables>;
  logger: Logger;
  /** Without Redis alerts are recorded (and shown) but not sent: BullMQ carries the deliveries. */
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
  stop(): Promise<void>;
}

/**
 * Budget alerts for accounting: after each batch of usage lands in the ledger, the budgets it
 * touched are checked against their thresholds and projection, and the alerts due are recorded
 * once and queued for their webhooks.
 */
export function startSpendAlerts(options: SpendAlertsOptions): SpendAlerts {
  const now = options.now ?? Date.now;
  const delivery: AlertDelivery | undefined =
    options.redisUrl === undefined
      ? undefined
      : startAlertDelivery({
          redisUrl: options.redisUrl,
          db: options.db,
          logger: options.logger,
          now,
          settings: { ...options.config?.delivery, ...options.delivery },
          ...(options.queueName !== undefined && { queueName: options.queueName }),
        });
  let warnedNoRedis = false;
  if (options.config !== undefined) {
    syncConfigWebhook(options.db, options.config.webhook).catch((error: unknown) =>
      options.logger.error({ err: error }, 'could not set up the configured alert webhook'),
    );
  }
  return {
    async onUsageWritten(rows) {
      if (rows.length === 0) return;
      try {
        const deliveryIds = await checkBudgetAlerts(
          options.db,
          {
            keyIds: [...new Set(rows.flatMap((row) => row.key_id ?? []))],
            teamIds: [...new Set(rows.flatMap((row) => row.team_id ?? []))],
          },
          now(),
        );
        if (deliveryIds.length === 0) return;
        if (delivery === undefined) {
          if (!warnedNoRedis) {
            options.logger.warn('spend alerts are recorded but not sent: REDIS_URL is not set');
            warnedNoRedis = true;
          }
          return;
        }
        await delivery.enqueue(deliveryIds);
      } catch (error: unknown) {
        // The next batch of the same budget checks again; a lost enqueue is swept up.
        options.logger.warn({ err: error }, 'spend alerts not checked');
      }
    },
    async stop() {
      await delivery?.stop();
    },
  };
}
