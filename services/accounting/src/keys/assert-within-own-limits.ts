import {
  type BudgetInput,
  formatUsd,
  parseUsd,
  toNanoUsd,
  type UpdateKey,
} from '@switchyard/contracts';
import type { ApiKey, BudgetPeriod } from '@switchyard/db';
import { adminErrors } from '../admin/admin-errors.js';

/** What a key create or PATCH sets; absent fields are not set (a create passes nulls). */
export type RequestedKeyLimits = Pick<
  UpdateKey,
  'limits' | 'budget' | 'model_allowlist' | 'expires_at'
>;

/** A budget of a longer period spends at most as much as the same amount per shorter period. */
const PERIOD_RANK: Record<BudgetPeriod, number> = { day: 0, month: 1, total: 2 };

/**
 * A team_admin's own key is the ceiling of what it may grant: a key it creates or changes may not
 * have a higher rate limit, a larger or shorter-period budget, a wider allowlist or a later expiry
 * than the team_admin's own, or it could mint itself a key without the limits an admin set on it.
 * Throws 403 `exceeds_own_limits` naming the first field over the ceiling.
 */
export function assertWithinOwnLimits(own: ApiKey, requested: RequestedKeyLimits): void {
  for (const field of ['rpm', 'tpm', 'max_concurrent'] as const) {
    const ceiling = own[field];
    const value = requested.limits?.[field];
    if (ceiling === null || value === undefined) continue;
    if (value === null || value > ceiling) {
      throw breach(`limits.${field}`, `your own key's ${field} of ${ceiling}`);
    }
  }
  if (own.budget_usd !== null && own.budget_period !== null && requested.budget !== undefined) {
    if (!withinBudget(requested.budget, own.budget_usd, own.budget_period)) {
      throw breach(
        'budget',
        `your own key's ${own.budget_period} budget of $${formatUsd(parseUsd(own.budget_usd))}`,
      );
    }
  }
  if (own.model_allowlist !== null && requested.model_allowlist !== undefined) {
    const allowed = own.model_allowlist;
    const wider = requested.model_allowlist?.find((entry) => !isCovered(entry, allowed));
    if (requested.model_allowlist === null || wider !== undefined) {
      throw breach(
        'model_allowlist',
        `your own key's allowlist (${allowed.join(', ')})${wider === undefined ? '' : `; '${wider}' is not in it`}`,
      );
    }
  }
  if (own.expires_at !== null && requested.expires_at !== undefined) {
    const expiresAt = requested.expires_at;
    if (expiresAt === null || Date.parse(expiresAt) > own.expires_at.getTime()) {
      throw breach('expires_at', `your own key's expiry (${own.expires_at.toISOString()})`);
    }
  }
}

function withinBudget(budget: BudgetInput, ownLimitUsd: string, ownPeriod: BudgetPeriod): boolean {
  if (budget === null) return false;
  return (
    PERIOD_RANK[budget.period] >= PERIOD_RANK[ownPeriod] &&
    toNanoUsd(parseUsd(budget.limit_usd)) <= toNanoUsd(parseUsd(ownLimitUsd))
  );
}

/** An entry is within an allowlist when listed, or when its provider's wildcard is. */
function isCovered(entry: string, allowlist: readonly string[]): boolean {
  if (allowlist.includes(entry)) return true;
  const provider = entry.split('/')[0];
  return entry.includes('/') && allowlist.includes(`${provider}/*`);
}

function breach(param: string, ceiling: string) {
  return adminErrors.exceedsOwnLimits(
    `A team_admin may not grant more than it has: ${param} would exceed ${ceiling}.`,
    param,
  );
}
