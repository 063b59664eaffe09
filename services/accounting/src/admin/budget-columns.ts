import { type BudgetInput, type BudgetJson, formatUsd, parseUsd } from '@switchyard/contracts';
import type { BudgetPeriod } from '@switchyard/db';

/** The columns of a budget input (null clears the budget). */
export function toBudgetColumns(budget: BudgetInput): {
  budget_usd: string | null;
  budget_period: BudgetPeriod | null;
} {
  return budget === null
    ? { budget_usd: null, budget_period: null }
    : { budget_usd: budget.limit_usd, budget_period: budget.period };
}

/** A row's budget columns as JSON (`numeric` comes back as "25.000000000": shown as "25"). */
export function toBudgetJson(row: {
  budget_usd: string | null;
  budget_period: BudgetPeriod | null;
}): BudgetJson {
  if (row.budget_usd === null || row.budget_period === null) return null;
  return { limit_usd: formatUsd(parseUsd(String(row.budget_usd))), period: row.budget_period };
}
