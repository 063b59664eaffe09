import { parseUsd, toNanoUsd } from '@switchyard/contracts';
import type { Budget } from '@switchyard/limits';
import type { Principal, PrincipalBudget } from '../auth/principal.js';

/** A principal's budget for the current period, with what the API says about it. */
export interface CurrentBudget {
  readonly budget: Budget;
  readonly source: 'key_budget' | 'team_budget';
  readonly period: PrincipalBudget['period'];
  /** When the period ends (ISO 8601); null for a total budget. */
  readonly resetsAt: string | null;
}

const DAY_MS = 86_400_000;
/** A total budget's counter lives this long after its last change. */
const TOTAL_BUDGET_TTL_MS = 400 * DAY_MS;

/**
 * The counters a request is checked against: one per budget of the key and its team, named by
 * owner and period (`team:<id>:month:2026-11`), so a new UTC day or month starts from zero.
 */
export function budgetsOf(principal: Principal, nowMs: number): CurrentBudget[] {
  const now = new Date(nowMs);
  return principal.budgets.map((budget) => {
    const owner = budget.scope === 'key' ? principal.keyId : principal.teamId;
    const day = now.toISOString().slice(0, 10);
    const month = day.slice(0, 7);
    const periodEnd =
      budget.period === 'day'
        ? Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1)
        : budget.period === 'month'
          ? Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)
          : undefined;
    const periodKey =
      budget.period === 'day'
        ? `day:${day}`
        : budget.period === 'month'
          ? `month:${month}`
          : 'total';
    return {
      budget: {
        id: `${budget.scope}:${owner}:${periodKey}`,
        limitNanos: toNanoUsd(parseUsd(budget.limitUsd)),
        // Late settlements of the period still land for a day after it ends.
        expiresAtMs: periodEnd === undefined ? nowMs + TOTAL_BUDGET_TTL_MS : periodEnd + DAY_MS,
      },
      source: budget.scope === 'key' ? 'key_budget' : 'team_budget',
      period: budget.period,
      resetsAt: periodEnd === undefined ? null : new Date(periodEnd).toISOString(),
    };
  });
}
