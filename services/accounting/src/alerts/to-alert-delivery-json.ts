import { type AlertDeliveryJson, formatUsd, parseUsd } from '@switchyard/contracts';
import type { AlertDelivery, BudgetAlert } from '@switchyard/db';

/** A delivery row joined with its alert (the alert's columns prefixed `alert_`). */
export type AlertDeliveryWithAlert = AlertDelivery & {
  [Column in keyof BudgetAlert as `alert_${Column & string}`]: BudgetAlert[Column];
};

const usd = (amount: string) => formatUsd(parseUsd(String(amount)));

/** The response form of one delivery-log row. */
export function toAlertDeliveryJson(row: AlertDeliveryWithAlert): AlertDeliveryJson {
  return {
    id: row.id,
    object: 'alert_delivery',
    webhook_id: row.webhook_id,
    team_id: row.team_id,
    status: row.status,
    attempts: row.attempts,
    last_status: row.last_status,
    last_error: row.last_error,
    created_at: row.created_at.toISOString(),
    delivered_at: row.delivered_at?.toISOString() ?? null,
    alert: {
      id: row.alert_id,
      scope: row.alert_scope,
      owner_id: row.alert_owner_id,
      kind: row.alert_kind,
      threshold_percent: row.alert_threshold,
      period: row.alert_period,
      period_start: row.alert_period_start.toISOString(),
      limit_usd: usd(row.alert_limit_usd),
      spent_usd: usd(row.alert_spent_usd),
      projected_usd: row.alert_projected_usd === null ? null : usd(row.alert_projected_usd),
    },
  };
}
