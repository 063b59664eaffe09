import {
  type BudgetInput,
  type BudgetJson,
  DEFAULT_BUDGET_ALERT_THRESHOLDS,
  formatUsd,
  parseUsd,
} from '@switchyard/contracts';
import type { BudgetPeriod } from '@switchyard/db';

/**
 * The columns of a budget input: null clears the budget and its alert settings; a budget without
 * `alerts` leaves them as they are (defaults on a new row), so changing a limit keeps its alerts.
 */
export function toBudgetColumns(budget: BudgetInput): {
  budget_usd: string | null;
  budget_period: BudgetPeriod | null;
  budget_alert_thresholds?: number[] | null;
  budget_alert_projected?: boolean | null;
} {
  if (budget === null) {
    return {
      budget_usd: null,
      budget_period: null,
      budget_alert_thresholds: null,
      budget_alert_projected: null,
    };
  }
  const { alerts } = budget;
  return {
    budget_usd: budget.limit_usd,
    budget_period: budget.period,
    ...(alerts !== undefined && {
      budget_alert_thresholds:
        alerts.thresholds_percent === undefined
          ? null
          : [...alerts.thresholds_percent].sort((a, b) => a - b),
      budget_alert_projected: alerts.projected_overspend ?? null,
    }),
  };
}

/** A row's budget columns as JSON (`numeric` comes back as "25.000000000": shown as "25"). */
export function toBudgetJson(row: {
  budget_usd: string | null;
  budget_period: BudgetPeriod | null;
  budget_alert_thresholds: number[] | null;
  budget_alert_projected: boolean | null;
}): BudgetJson {
  if (row.budget_usd === null || row.budget_period === null) return null;
  return {
    limit_usd: formatUsd(parseUsd(String(row.budget_usd))),
    period: row.budget_period,
    alerts: {
      thresholds_percent: row.budget_alert_thresholds ?? [...DEFAULT_BUDGET_ALERT_THRESHOLDS],
      projected_overspend: row.budget_alert_projected ?? true,
    },
  };
}
