import { describe, expect, it } from 'vitest';
import { parseBudgetForm } from './parse-budget-form.js';

describe('parseBudgetForm', () => {
  it('keeps the amount as the exact decimal string, with empty meaning no budget', () => {
    expect(parseBudgetForm('$1,250.50', 'month')).toEqual({
      ok: true,
      budget: { limit_usd: '1250.50', period: 'month' },
    });
    expect(parseBudgetForm('0.000000001', 'day')).toEqual({
      ok: true,
      budget: { limit_usd: '0.000000001', period: 'day' },
    });
    expect(parseBudgetForm(' ', 'total')).toEqual({ ok: true, budget: null });
  });

  it('refuses what the admin API would', () => {
    for (const text of ['-5', '1e3', 'ten', '1.0000000001']) {
      expect(parseBudgetForm(text, 'day').ok).toBe(false);
    }
  });
});
