import type { BudgetPeriod } from '@switchyard/db';
import { currentBudget } from '@switchyard/limits';

/** Where a budget period starts and ends (UTC); an all-time budget starts at 0 and never ends. */
export interface BudgetPeriodBounds {
  startMs: number;
  endMs: number | undefined;
}

/**
 * The period of `nowMs` for `period`, by the same rule the gateways' budget counters use, so an
 * alert's period is the one the 402 answers for.
 */
export function budgetPeriodBounds(period: BudgetPeriod, nowMs: number): BudgetPeriodBounds {
  const current = currentBudget({ scope: 'key', id: '-', period, limitNanos: 0n }, nowMs);
  return {
    startMs: current.periodStartMs,
    endMs: current.resetsAt === null ? undefined : Date.parse(current.resetsAt),
  };
}
