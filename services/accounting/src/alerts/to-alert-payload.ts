import { formatUsd, parseUsd } from '@switchyard/contracts';
import type { AlertWebhookFormat, BudgetAlert } from '@switchyard/db';

/** What a delivery knows of its alert: the row and, when still there, the owner's name. */
export interface AlertForPayload {
  alert: BudgetAlert;
  ownerName: string | null;
  /** The period's end (ISO), null for an all-time budget. */
  periodEnd: string | null;
}

/** Most bytes a webhook body may have; ours are a few hundred, names are capped at 100. */
export const MAX_ALERT_BODY_BYTES = 16_384;

const usd = (amount: string) => formatUsd(parseUsd(String(amount)));

/**
 * The body POSTed for an alert: Switchyard's JSON event, or for `slack` a `{"text": …}` message
 * an incoming webhook of Slack (or Mattermost, or Teams' Slack-compatible connector) accepts.
 */
export function toAlertPayload(input: AlertForPayload, format: AlertWebhookFormat): string {
  const { alert } = input;
  if (format === 'slack') return JSON.stringify({ text: alertText(input) });
  return JSON.stringify({
    type: alert.kind === 'threshold' ? 'budget.threshold_crossed' : 'budget.overspend_projected',
    id: alert.id,
    created_at: alert.created_at.toISOString(),
    budget: {
      scope: alert.scope,
      id: alert.owner_id,
      name: input.ownerName,
      team_id: alert.team_id,
      period: alert.period,
      period_start: alert.period_start.toISOString(),
      period_end: input.periodEnd,
      limit_usd: usd(alert.limit_usd),
    },
    threshold_percent: alert.threshold,
    spent_usd: usd(alert.spent_usd),
    projected_usd: alert.projected_usd === null ? null : usd(alert.projected_usd),
  });
}

function alertText({ alert, ownerName }: AlertForPayload): string {
  const who = `${alert.scope} ${ownerName === null ? alert.owner_id : `"${ownerName}"`}`;
  const budget = `$${usd(alert.limit_usd)} ${alert.period === 'total' ? 'total' : `per ${alert.period}`}`;
  const spent = `$${usd(alert.spent_usd)}`;
  return alert.kind === 'threshold'
    ? `:warning: Switchyard: ${who} has spent ${spent}, ${alert.threshold}% of its ${budget} budget.`
    : `:chart_with_upwards_trend: Switchyard: ${who} has spent ${spent} and is on course for ` +
        `$${usd(alert.projected_usd ?? alert.spent_usd)} by the period's end, over its ${budget} budget.`;
}
