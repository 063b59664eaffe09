import { describe, expect, it } from 'vitest';
import { describeBudgetAlerts } from './describe-budget-alerts.js';

describe('describeBudgetAlerts', () => {
  it('lists the thresholds reached in order, then a projected overspend', () => {
    expect(
      describeBudgetAlerts([
        { kind: 'threshold', threshold_percent: 80, projected_usd: null },
        { kind: 'projected', threshold_percent: 100, projected_usd: '131.5' },
        { kind: 'threshold', threshold_percent: 50, projected_usd: null },
      ]),
    ).toBe("Alerts: 50%, 80% reached · on course for $131.50 by the period's end");
  });

  it('says nothing without alerts', () => {
    expect(describeBudgetAlerts([])).toBeNull();
    expect(describeBudgetAlerts(undefined)).toBeNull();
  });
});
