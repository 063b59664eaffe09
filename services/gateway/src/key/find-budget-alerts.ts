import { formatUsd, parseUsd } from '@switchyard/contracts';
import type { Tables } from '@switchyard/db';
import type { Kysely } from 'kysely';
import type { PrincipalCurrentBudget } from '../admission/budgets-of.js';

/** A spend alert of a budget's current period, as `/v1/key` shows it. */
export interface BudgetAlertJson {
  kind: 'threshold' | 'projected';
  threshold_percent: number;
  spent_usd: string;
  projected_usd: string | null;
  created_at: string;
}

const usd = (amount: string) => formatUsd(parseUsd(String(amount)));

/**
 * The spend alerts accounting recorded for each budget's current period (thresholds crossed,
 * overspend projected), oldest first, in the order of `budgets`. One indexed query; read-only.
 */
export async function findBudgetAlerts(
  db: Kysely<Tables>,
  teamId: string,
  budgets: readonly PrincipalCurrentBudget[],
): Promise<BudgetAlertJson[][]> {
  if (budgets.length === 0) return [];
  const rows = await db
    .selectFrom('accounting.budget_alerts')
    .select([
      'scope',
      'owner_id',
      'period_start',
      'kind',
      'threshold',
      'spent_usd',
      'projected_usd',
      'created_at',
    ])
    .where('team_id', '=', teamId)
    .where(
      'owner_id',
      'in',
      budgets.map((budget) => budget.owner.id),
    )
    .orderBy('created_at')
    .orderBy('threshold')
    .execute();
  return budgets.map((budget) =>
    rows
      .filter(
        (row) =>
          row.scope === budget.owner.scope &&
          row.owner_id === budget.owner.id &&
          row.period_start.getTime() === budget.periodStartMs,
      )
      .map((row) => ({
        kind: row.kind,
        threshold_percent: row.threshold,
        spent_usd: usd(row.spent_usd),
        projected_usd: row.projected_usd === null ? null : usd(row.projected_usd),
        created_at: row.created_at.toISOString(),
      })),
  );
}
