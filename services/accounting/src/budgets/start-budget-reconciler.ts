import type { Tables } from '@switchyard/db';
import { createRedisBudgetLedger } from '@switchyard/limits';
import { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { reconcileBudgetCounters } from './reconcile-budget-counters.js';

/** How often budget counters are raised to the ledger's figures. */
export const BUDGET_RECONCILE_INTERVAL_MS = 60_000;

/**
 * Reconciles the gateways' budget counters from the ledger at start and every minute. Every
 * replica may run it: raising a counter to the ledger's figure is idempotent.
 */
export function startBudgetReconciler(options: {
  db: Kysely<Tables>;
  redisUrl: string;
  logger: Logger;
  intervalMs?: number;
}): { stop(): Promise<void> } {
  const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  redis.on('error', () => undefined);
  const ledger = createRedisBudgetLedger({ redis, failMode: 'open' });
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = reconcileBudgetCounters(options.db, ledger, Date.now())
      .then((budgets) => options.logger.debug({ budgets }, 'budget counters reconciled'))
      .catch((error: unknown) =>
        options.logger.warn({ err: error }, 'budget counters not reconciled; will retry'),
      );
  };
  const startTimer = setTimeout(run, 1_000);
  const timer = setInterval(run, options.intervalMs ?? BUDGET_RECONCILE_INTERVAL_MS);
  timer.unref();
  startTimer.unref();
  return {
    async stop() {
      clearTimeout(startTimer);
      clearInterval(timer);
      await running;
      redis.disconnect();
    },
  };
}
