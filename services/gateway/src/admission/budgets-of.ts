import { parseUsd, toNanoUsd } from '@switchyard/contracts';
import { type CurrentBudget, currentBudget } from '@switchyard/limits';
import type { Principal, PrincipalBudget } from '../auth/principal.js';

/** A principal's budget for the current period, with what the API says about it. */
export interface PrincipalCurrentBudget extends CurrentBudget {
  readonly source: 'key_budget' | 'team_budget';
  readonly period: PrincipalBudget['period'];
  /** Whose spend the ledger sums for it. */
  readonly owner: { readonly scope: 'key' | 'team'; readonly id: string };
}

/** The counters a request is checked against: one per budget of the key and of its team. */
export function budgetsOf(principal: Principal, nowMs: number): PrincipalCurrentBudget[] {
  return principal.budgets.map((budget) => {
    const owner = {
      scope: budget.scope,
      id: budget.scope === 'key' ? principal.keyId : (principal.teamId ?? principal.keyId),
    };
    return {
      ...currentBudget(
        { ...owner, period: budget.period, limitNanos: toNanoUsd(parseUsd(budget.limitUsd)) },
        nowMs,
      ),
      source: budget.scope === 'key' ? 'key_budget' : 'team_budget',
      period: budget.period,
      owner,
    };
  });
}
