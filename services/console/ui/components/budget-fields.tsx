import {
  BUDGET_PERIODS,
  type Budget,
  type BudgetPeriod,
} from '../../src/shared/parse-budget-form.js';
import { Field } from './field.js';

/** What the budget inputs hold: the amount as typed, and its period. */
export interface BudgetFormValue {
  amount: string;
  period: BudgetPeriod;
}

const PERIOD_NAMES: Record<BudgetPeriod, string> = {
  day: 'per day (UTC)',
  month: 'per month (UTC)',
  total: 'in total',
};

/** A USD budget: amount (empty: none) and the period it covers. */
export function BudgetFields({
  value,
  error,
  onChange,
}: {
  value: BudgetFormValue;
  error: string | undefined;
  onChange: (value: BudgetFormValue) => void;
}) {
  return (
    <div class="form-row">
      <Field label="Budget (USD)" hint="empty: no budget" error={error}>
        <input
          name="budget-amount"
          inputMode="decimal"
          placeholder="no budget"
          value={value.amount}
          onInput={(event) =>
            onChange({ ...value, amount: (event.currentTarget as HTMLInputElement).value })
          }
        />
      </Field>
      <Field label="Budget period">
        <select
          name="budget-period"
          value={value.period}
          onChange={(event) =>
            onChange({
              ...value,
              period: (event.currentTarget as HTMLSelectElement).value as BudgetPeriod,
            })
          }
        >
          {BUDGET_PERIODS.map((period) => (
            <option key={period} value={period}>
              {PERIOD_NAMES[period]}
            </option>
          ))}
        </select>
      </Field>
    </div>
  );
}

/** A budget from the API as the form's value. */
export function toBudgetForm(budget: Budget | undefined): BudgetFormValue {
  return budget
    ? { amount: budget.limit_usd, period: budget.period }
    : { amount: '', period: 'month' };
}

/** A budget for tables: `$25.00 / month`, or `—`. */
export function describeBudget(budget: Budget | undefined): string {
  if (!budget) return '—';
  const per = budget.period === 'total' ? 'total' : budget.period;
  return `$${budget.limit_usd} / ${per}`;
}
