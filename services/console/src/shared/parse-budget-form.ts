/** The budget periods of the admin API. */
export const BUDGET_PERIODS = ['day', 'month', 'total'] as const;

/** One of {@link BUDGET_PERIODS}. */
export type BudgetPeriod = (typeof BUDGET_PERIODS)[number];

/** A budget as the admin API takes and shows it; null means none. */
export type Budget = { limit_usd: string; period: BudgetPeriod } | null;

/**
 * A budget typed into a form: an amount in USD (empty: no budget) and its period. The amount
 * stays an exact decimal string; `$` and thousands separators are tolerated.
 */
export function parseBudgetForm(
  amount: string,
  period: BudgetPeriod,
): { ok: true; budget: Budget } | { ok: false; error: string } {
  const text = amount.trim().replace(/^\$/, '').replace(/,/g, '');
  if (text === '') return { ok: true, budget: null };
  if (!/^\d{1,11}(\.\d{1,9})?$/.test(text)) {
    return { ok: false, error: 'Enter an amount in USD such as 25 or 12.50, or leave empty.' };
  }
  return { ok: true, budget: { limit_usd: text, period } };
}
