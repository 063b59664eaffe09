import { describe, expect, it } from 'vitest';
import { budgetAlertCandidates, projectPeriodSpend } from './budget-alert-candidates.js';
import { budgetPeriodBounds } from './budget-period-bounds.js';

const usd = (amount: number) => BigInt(Math.round(amount * 1e9));
// A fake clock: 10 March 2031, 12:00 UTC, a third of the way into the month (by days).
const now = Date.UTC(2031, 2, 10, 12);
const month = budgetPeriodBounds('month', now);

function spend(
  spent: number,
  overrides: Partial<Parameters<typeof budgetAlertCandidates>[0]> = {},
) {
  return {
    limitNanos: usd(100),
    spentNanos: usd(spent),
    thresholds: [50, 80, 100],
    projected: false,
    periodStartMs: month.startMs,
    periodEndMs: month.endMs,
    ...overrides,
  };
}

describe('budgetPeriodBounds', () => {
  it('derives the UTC day, month and all time from the clock it is given', () => {
    expect(budgetPeriodBounds('day', now)).toEqual({
      startMs: Date.UTC(2031, 2, 10),
      endMs: Date.UTC(2031, 2, 11),
    });
    expect(month).toEqual({ startMs: Date.UTC(2031, 2, 1), endMs: Date.UTC(2031, 3, 1) });
    expect(budgetPeriodBounds('total', now)).toEqual({ startMs: 0, endMs: undefined });
  });
});

describe('budgetAlertCandidates', () => {
  it('names every threshold reached, exactly at the boundary and not a nano-dollar before', () => {
    expect(budgetAlertCandidates(spend(49.999999999), now)).toEqual([]);
    expect(budgetAlertCandidates(spend(50), now)).toEqual([{ kind: 'threshold', threshold: 50 }]);
    expect(budgetAlertCandidates(spend(80), now).map((alert) => alert.threshold)).toEqual([50, 80]);
    expect(budgetAlertCandidates(spend(130), now).map((alert) => alert.threshold)).toEqual([
      50, 80, 100,
    ]);
  });

  it('takes configured thresholds in any order, above 100 too, and none for an empty list', () => {
    const custom = spend(150, { thresholds: [150, 25, 200] });
    expect(budgetAlertCandidates(custom, now).map((alert) => alert.threshold)).toEqual([25, 150]);
    expect(budgetAlertCandidates(spend(150, { thresholds: [] }), now)).toEqual([]);
  });

  it('alerts on nothing for a zero limit', () => {
    expect(budgetAlertCandidates(spend(5, { limitNanos: 0n, projected: true }), now)).toEqual([]);
  });

  it('projects the spend linearly to the period end and alerts when it passes the limit', () => {
    // 9.5 of 31 days gone: $40 so far runs to $130.52… by 1 April.
    const candidates = budgetAlertCandidates(spend(40, { projected: true }), now);
    expect(candidates).toEqual([
      { kind: 'projected', threshold: 100, projectedNanos: (usd(40) * 31n * 2n) / 19n },
    ]);
    // $30 so far runs to $97.89: under the limit, no projection alert.
    expect(budgetAlertCandidates(spend(30, { projected: true }), now)).toEqual([]);
  });

  it('does not project when switched off, once the limit is reached, or for an all-time budget', () => {
    expect(budgetAlertCandidates(spend(40), now)).toEqual([]);
    expect(
      budgetAlertCandidates(spend(100, { projected: true }), now).map((alert) => alert.kind),
    ).toEqual(['threshold', 'threshold', 'threshold']);
    const total = spend(40, { projected: true, periodStartMs: 0, periodEndMs: undefined });
    expect(budgetAlertCandidates(total, now)).toEqual([]);
  });
});

describe('projectPeriodSpend', () => {
  it('waits for a tenth of the period before projecting', () => {
    const day = budgetPeriodBounds('day', now);
    const base = { spentNanos: usd(1), periodStartMs: day.startMs, periodEndMs: day.endMs };
    expect(projectPeriodSpend(base, day.startMs + 2 * 3_600_000)).toBeUndefined();
    expect(projectPeriodSpend(base, day.startMs + 6 * 3_600_000)).toBe(usd(4));
    // After the period's end (a late evaluation) the spend is the spend.
    expect(projectPeriodSpend(base, day.startMs + 30 * 3_600_000)).toBe(usd(1));
  });
});
