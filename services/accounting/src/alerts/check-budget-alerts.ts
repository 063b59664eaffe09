import { parseUsd, toNanoUsd } from '@switchyard/contracts';
import { sumBudgetSpend, type Tables } from '@switchyard/db';
import type { Kysely } from 'kysely';
import { budgetAlertCandidates } from './budget-alert-candidates.js';
import { budgetPeriodBounds } from './budget-period-bounds.js';
import { findAlertingBudgets } from './find-alerting-budgets.js';
import { recordBudgetAlerts } from './record-budget-alerts.js';

/** The keys and teams whose spend just changed. */
export interface TouchedBudgetOwners {
  keyIds: readonly string[];
  teamIds: readonly string[];
}

/**
 * Checks the budgets of the keys and teams a batch of usage touched against their alert
 * thresholds and projection at `nowMs`, from the ledger's daily rollups, and records the alerts
 * due that no one recorded yet. Returns the ids of the deliveries this call created (to send);
 * calling it again for the same spend creates none.
 */
export async function checkBudgetAlerts(
  db: Kysely<Tables>,
  touched: TouchedBudgetOwners,
  nowMs: number,
): Promise<string[]> {
  const budgets = await findAlertingBudgets(db, touched);
  const deliveryIds: string[] = [];
  for (const budget of budgets) {
    const bounds = budgetPeriodBounds(budget.period, nowMs);
    const limitNanos = toNanoUsd(parseUsd(budget.limitUsd));
    const spentNanos = toNanoUsd(
      parseUsd(
        await sumBudgetSpend(db, { scope: budget.scope, id: budget.id, sinceMs: bounds.startMs }),
      ),
    );
    const candidates = budgetAlertCandidates(
      {
        limitNanos,
        spentNanos,
        thresholds: budget.thresholds,
        projected: budget.projected,
        periodStartMs: bounds.startMs,
        periodEndMs: bounds.endMs,
      },
      nowMs,
    );
    deliveryIds.push(
      ...(await recordBudgetAlerts(db, {
        budget,
        periodStartMs: bounds.startMs,
        limitNanos,
        spentNanos,
        candidates,
      })),
    );
  }
  return deliveryIds;
}
