import { describe, expect, it } from 'vitest';
import { currentBudget } from './current-budget.js';

const at = Date.UTC(2026, 10, 23, 15, 30);

describe('currentBudget', () => {
  it('names a counter per UTC day and month and says when it resets', () => {
    const owner = { scope: 'team' as const, id: 't1', limitNanos: 5n };
    expect(currentBudget({ ...owner, period: 'day' }, at)).toMatchObject({
      budget: { id: 'team:t1:day:2026-11-23' },
      periodStartMs: Date.UTC(2026, 10, 23),
      resetsAt: '2026-11-24T00:00:00.000Z',
    });
    expect(currentBudget({ ...owner, period: 'month' }, at)).toMatchObject({
      budget: { id: 'team:t1:month:2026-11' },
      periodStartMs: Date.UTC(2026, 10, 1),
      resetsAt: '2026-12-01T00:00:00.000Z',
    });
    expect(currentBudget({ ...owner, period: 'total' }, at)).toMatchObject({
      budget: { id: 'team:t1:total' },
      periodStartMs: 0,
      resetsAt: null,
    });
  });

  it('keeps a counter a day past its period for late settlements', () => {
    const { budget } = currentBudget(
      { scope: 'key', id: 'k', period: 'month', limitNanos: 1n },
      at,
    );
    expect(budget.expiresAtMs).toBe(Date.UTC(2026, 11, 2));
  });
});
