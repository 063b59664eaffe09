import type { ColumnType, Insertable, Selectable } from 'kysely';
import type { BudgetPeriod } from './api-keys-table.js';
import type { DefaultedTimestamp, GeneratedId, NullableColumn } from './column-types.js';

/** What an alert announces: a threshold crossed, or an overspend projected by period end. */
export type BudgetAlertKind = 'threshold' | 'projected';

/**
 * `accounting.budget_alerts`: one row per budget, period, kind and threshold, inserted with
 * `ON CONFLICT DO NOTHING`: the one writer whose insert lands sends the alert, so it goes out
 * once however many replicas saw the crossing.
 */
export interface BudgetAlertsTable {
  id: GeneratedId;
  scope: 'key' | 'team';
  owner_id: string;
  team_id: string;
  period: BudgetPeriod;
  period_start: ColumnType<Date, Date | string, never>;
  kind: BudgetAlertKind;
  /** Percent of the limit crossed; 100 for a projection. */
  threshold: number;
  /** `numeric`, an exact decimal string. */
  limit_usd: string;
  spent_usd: string;
  projected_usd: NullableColumn<string>;
  created_at: DefaultedTimestamp;
}

/** A budget alert row as read. */
export type BudgetAlert = Selectable<BudgetAlertsTable>;
/** A budget alert row to insert. */
export type NewBudgetAlert = Insertable<BudgetAlertsTable>;
