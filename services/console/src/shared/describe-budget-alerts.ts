import { formatUsd } from './format-usd.js';

/** A spend alert of a budget's current period, as `GET /v1/key` lists it. */
export interface BudgetAlertInfo {
  kind: 'threshold' | 'projected';
  threshold_percent: number;
  projected_usd: string | null;
}

/**
 * One line for a budget's alerts this period: the thresholds reached, and a projected overspend;
 * null when there are none.
 */
export function describeBudgetAlerts(
  alerts: readonly BudgetAlertInfo[] | undefined,
): string | null {
  if (alerts === undefined || alerts.length === 0) return null;
  const parts: string[] = [];
  const reached = alerts
    .filter((alert) => alert.kind === 'threshold')
    .map((alert) => alert.threshold_percent)
    .sort((a, b) => a - b);
  if (reached.length > 0)
    parts.push(`${reached.map((percent) => `${percent}%`).join(', ')} reached`);
  const projected = alerts.find((alert) => alert.kind === 'projected');
  if (projected !== undefined) {
    parts.push(`on course for ${formatUsd(projected.projected_usd)} by the period's end`);
  }
  return `Alerts: ${parts.join(' · ')}`;
}
