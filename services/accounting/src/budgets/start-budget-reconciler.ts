import type { EventEmitter } from 'node:events';
import type { Tables } from '@switchyard/db';
import type { BudgetLedger } from '@switchyard/limits';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { AccountingChange } from '../admin/accounting-change.js';
import { reconcileBudgetCounters } from './reconcile-budget-counters.js';

/** How often budget counters are raised to the ledger's figures. */
export const BUDGET_RECONCILE_INTERVAL_MS = 60_000;

/** A running reconciler: every minute on its own, and on demand. */
export interface BudgetReconciler {
  /**
   * Raises the counters of the key or team that `change` names (after its budget was set or
   * changed, so a budget below the spend already in the ledger refuses at once), or of every
   * budget when `change` is absent. Logs a failure instead of throwing.
   */
  reconcile(change?: AccountingChange): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Reconciles the budget counters the gateways enforce (Redis, or standalone's in-memory
 * ledger) from the ledger after `startDelayMs` (default 1 s), every minute, and each time
 * `redis` (the counters' client) is ready again after a reconnect — a restarted Redis has lost
 * every counter, and the gateways' own seeds cover only the budgets they are asked about. Every
 * replica may run it: seeding or raising a counter to the ledger's figure is idempotent.
 */
export function startBudgetReconciler(options: {
  db: Kysely<Tables>;
  ledger: BudgetLedger;
  logger: Logger;
  intervalMs?: number;
  startDelayMs?: number;
  now?: () => number;
  /** The counters' Redis client: its 'ready' event (emitted again after each reconnect) re-seeds. */
  redis?: EventEmitter;
}): BudgetReconciler {
  const now = options.now ?? Date.now;
  let running: Promise<unknown> = Promise.resolve();
  const reconcile = async (change?: AccountingChange): Promise<void> => {
    const run = reconcileBudgetCounters(options.db, options.ledger, now(), change)
      .then((budgets) => options.logger.debug({ budgets }, 'budget counters reconciled'))
      .catch((error: unknown) =>
        options.logger.warn({ err: error }, 'budget counters not reconciled; will retry'),
      );
    running = Promise.all([running, run]);
    await run;
  };
  const startTimer = setTimeout(() => void reconcile(), options.startDelayMs ?? 1_000);
  const timer = setInterval(
    () => void reconcile(),
    options.intervalMs ?? BUDGET_RECONCILE_INTERVAL_MS,
  );
  timer.unref();
  startTimer.unref();
  const onReady = () => {
    options.logger.info('budget store reachable again; re-seeding budget counters');
    void reconcile();
  };
  options.redis?.on('ready', onReady);
  return {
    reconcile,
    async stop() {
      options.redis?.off('ready', onReady);
      clearTimeout(startTimer);
      clearInterval(timer);
      await running;
    },
  };
}
