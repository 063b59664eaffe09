import { DEFAULT_BUDGET_ALERT_THRESHOLDS } from '@switchyard/contracts';
import type { BudgetPeriod, Tables } from '@switchyard/db';
import type { Kysely } from 'kysely';

/** A live key's or team's budget with its alert settings (defaults filled in). */
export interface AlertingBudget {
  scope: 'key' | 'team';
  id: string;
  teamId: string;
  limitUsd: string;
  period: BudgetPeriod;
  thresholds: readonly number[];
  projected: boolean;
}

/**
 * The budgets of the given keys and teams that can alert: live, with a budget, and with at least
 * one threshold or the projection on. Two indexed lookups by primary key.
 */
export async function findAlertingBudgets(
  db: Kysely<Tables>,
  owners: { keyIds: readonly string[]; teamIds: readonly string[] },
): Promise<AlertingBudget[]> {
  const [keys, teams] = await Promise.all([
    owners.keyIds.length === 0
      ? []
      : db
          .selectFrom('accounting.api_keys')
          .select([
            'id',
            'team_id',
            'budget_usd',
            'budget_period',
            'budget_alert_thresholds',
            'budget_alert_projected',
          ])
          .where('id', 'in', [...owners.keyIds])
          .where('budget_usd', 'is not', null)
          .where('revoked_at', 'is', null)
          .execute(),
    owners.teamIds.length === 0
      ? []
      : db
          .selectFrom('accounting.teams')
          .select([
            'id',
            'id as team_id',
            'budget_usd',
            'budget_period',
            'budget_alert_thresholds',
            'budget_alert_projected',
          ])
          .where('id', 'in', [...owners.teamIds])
          .where('budget_usd', 'is not', null)
          .where('deleted_at', 'is', null)
          .execute(),
  ]);
  const budgets: AlertingBudget[] = [];
  for (const [scope, rows] of [
    ['key', keys],
    ['team', teams],
  ] as const) {
    for (const row of rows) {
      if (row.budget_usd === null || row.budget_period === null) continue;
      const budget: AlertingBudget = {
        scope,
        id: row.id,
        teamId: row.team_id,
        limitUsd: String(row.budget_usd),
        period: row.budget_period,
        thresholds: row.budget_alert_thresholds ?? DEFAULT_BUDGET_ALERT_THRESHOLDS,
        projected: row.budget_alert_projected ?? true,
      };
      if (budget.thresholds.length > 0 || budget.projected) budgets.push(budget);
    }
  }
  return budgets;
}
