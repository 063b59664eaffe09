import type { Budget } from './budget-ledger.js';

/** What a budget covers: a UTC day, a UTC month, or all time. */
export type BudgetPeriod = 'day' | 'month' | 'total';

/** A budget's counter for the period `now` falls in. */
export interface CurrentBudget {
  readonly budget: Budget;
  /** Where the period began (ms since the epoch); 0 for a total budget. */
  readonly periodStartMs: number;
  /** When the period ends (ISO 8601); null for a total budget. */
  readonly resetsAt: string | null;
}

const DAY_MS = 86_400_000;
/** A total budget's counter lives this long after its last change. */
const TOTAL_BUDGET_TTL_MS = 400 * DAY_MS;

/**
 * The counter of one owner's budget for the current period, named by owner and period
 * (`team:<id>:month:2026-11`) so a new UTC day or month starts from zero. The gateway (which
 * reserves and settles) and accounting (which raises counters from the ledger) name it alike.
 */
export function currentBudget(
  owner: { scope: 'key' | 'team'; id: string; period: BudgetPeriod; limitNanos: bigint },
  nowMs: number,
): CurrentBudget {
  const now = new Date(nowMs);
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  const [periodStartMs, periodEndMs, periodKey] =
    owner.period === 'day'
      ? [
          Date.UTC(year, month, now.getUTCDate()),
          Date.UTC(year, month, now.getUTCDate() + 1),
          `day:${now.toISOString().slice(0, 10)}`,
        ]
      : owner.period === 'month'
        ? [
            Date.UTC(year, month, 1),
            Date.UTC(year, month + 1, 1),
            `month:${now.toISOString().slice(0, 7)}`,
          ]
        : [0, undefined, 'total'];
  return {
    budget: {
      id: `${owner.scope}:${owner.id}:${periodKey}`,
      limitNanos: owner.limitNanos,
      // Late settlements of the period still land for a day after it ends.
      expiresAtMs: periodEndMs === undefined ? nowMs + TOTAL_BUDGET_TTL_MS : periodEndMs + DAY_MS,
    },
    periodStartMs,
    resetsAt: periodEndMs === undefined ? null : new Date(periodEndMs).toISOString(),
  };
}
