import { formatNanoUsd } from '@switchyard/contracts';
import type { Tables } from '@switchyard/db';
import type { Kysely } from 'kysely';
import type { BudgetAlertCandidate } from './budget-alert-candidates.js';
import type { AlertingBudget } from './find-alerting-budgets.js';

/** A budget's alerts to record, with the spend they were decided on. */
export interface BudgetAlertsToRecord {
  budget: AlertingBudget;
  periodStartMs: number;
  limitNanos: bigint;
  spentNanos: bigint;
  candidates: readonly BudgetAlertCandidate[];
}

/**
 * Records the alerts not recorded yet for this budget's period, and a pending delivery of each
 * to every enabled webhook of its team and every global one, in one transaction. The alert's
 * unique key (budget, period start, kind, threshold) with `ON CONFLICT DO NOTHING` decides, across
 * concurrent batches and replicas, the one writer that records it: only that writer gets its
 * deliveries back. Returns the ids of the deliveries to send.
 */
export async function recordBudgetAlerts(
  db: Kysely<Tables>,
  input: BudgetAlertsToRecord,
): Promise<string[]> {
  if (input.candidates.length === 0) return [];
  const { budget } = input;
  return db.transaction().execute(async (trx) => {
    const alerts = await trx
      .insertInto('accounting.budget_alerts')
      .values(
        input.candidates.map((candidate) => ({
          scope: budget.scope,
          owner_id: budget.id,
          team_id: budget.teamId,
          period: budget.period,
          period_start: new Date(input.periodStartMs),
          kind: candidate.kind,
          threshold: candidate.threshold,
          limit_usd: formatNanoUsd(input.limitNanos),
          spent_usd: formatNanoUsd(input.spentNanos),
          projected_usd:
            candidate.projectedNanos === undefined ? null : formatNanoUsd(candidate.projectedNanos),
        })),
      )
      .onConflict((conflict) => conflict.constraint('budget_alerts_once').doNothing())
      .returning('id')
      .execute();
    if (alerts.length === 0) return [];
    const deliveries = await trx
      .insertInto('accounting.alert_deliveries')
      .columns(['alert_id', 'webhook_id', 'team_id'])
      .expression((builder) =>
        builder
          .selectFrom('accounting.budget_alerts as alert')
          .innerJoin('accounting.alert_webhooks as webhook', (join) =>
            join.on(({ or, eb, ref }) =>
              or([
                eb('webhook.team_id', 'is', null),
                eb('webhook.team_id', '=', ref('alert.team_id')),
              ]),
            ),
          )
          .select(['alert.id', 'webhook.id', 'alert.team_id'])
          .where(
            'alert.id',
            'in',
            alerts.map((alert) => alert.id),
          )
          .where('webhook.enabled', '=', true),
      )
      .onConflict((conflict) => conflict.constraint('alert_deliveries_once').doNothing())
      .returning('id')
      .execute();
    return deliveries.map((delivery) => delivery.id);
  });
}
