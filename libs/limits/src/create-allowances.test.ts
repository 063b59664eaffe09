import { describe, expect, it } from 'vitest';
import { createAllowances } from './create-allowances.js';
import type { LimitOutcome } from './limit-outcome.js';
import type { PlannedLimit } from './planned-limit.js';

const rpm: PlannedLimit = { scope: 'key:a', kind: 'requests', limit: 1_000 };
const tpm: PlannedLimit = { scope: 'key:a', kind: 'tokens', limit: 100_000 };
const slots: PlannedLimit = { scope: 'key:a', kind: 'concurrency', limit: 500 };
const limits = [rpm, tpm, slots];
const keys = ['r', 't', 'c'];
const admittedOutcome: LimitOutcome = {
  fits: true,
  retryAfterMs: 0,
  tooLarge: false,
  remaining: 100,
  resetMs: 0,
};

/** Allowances on a clock the test moves, each limit granted what it asked for. */
function granted(grants = [10, 1_000, 5]) {
  let clock = 0;
  const allowances = createAllowances({
    share: 0.01,
    idleMs: 1_000,
    slotTtlMs: 60_000,
    now: () => clock,
  });
  allowances.grant('team:t', keys, limits, {
    outcomes: limits.map(() => admittedOutcome),
    granted: grants,
    prefix: 'h:0:',
  });
  return { allowances, advance: (ms: number) => (clock += ms) };
}

describe('createAllowances', () => {
  it('charges ahead only when every limit of a request is worth 2 units or more', () => {
    const allowances = createAllowances({ share: 0.01, idleMs: 1, slotTtlMs: 1, now: () => 0 });
    expect(allowances.covers([rpm, { ...slots, limit: 200 }])).toBe(true);
    expect(allowances.covers([rpm, { ...slots, limit: 199 }])).toBe(false);
    const off = createAllowances({ share: 0, idleMs: 1, slotTtlMs: 1, now: () => 0 });
    expect(off.covers([rpm])).toBe(false);
  });

  it('draws all of a request or nothing', () => {
    const { allowances } = granted([10, 500, 5]);
    expect(allowances.draw(keys, limits, 600)).toBeUndefined();
    const drawn = allowances.draw(keys, limits, 500);
    expect(drawn?.drawn.slots.map((slot) => slot.name)).toEqual(['h:0:5']);
    expect(drawn?.drawn.tokens).toHaveLength(1);
    // What the headers show: the store's 100 plus what is still held.
    expect(drawn?.outcomes.map((outcome) => outcome.remaining)).toEqual([109, 100, 104]);
    expect(allowances.draw(keys, limits, 1)).toBeUndefined();
  });

  it('asks for an allowance once while the first ask is on its way', () => {
    const allowances = createAllowances({ share: 0.01, idleMs: 1, slotTtlMs: 1, now: () => 0 });
    const first = allowances.wants(keys, limits, 2_000);
    expect(first).toEqual([10, 2_000, 5]);
    expect(allowances.wants(keys, limits, 2_000)).toEqual([0, 0, 0]);
    allowances.settleWants(keys, first);
    expect(allowances.wants(keys, limits, 2_000)).toEqual(first);
  });

  it('keeps refunds and freed slots while live, and sends them to the store once retired', () => {
    const { allowances, advance } = granted();
    const first = allowances.draw(keys, limits, 300);
    const second = allowances.draw(keys, limits, 300);
    if (first === undefined || second === undefined) throw new Error('expected draws');
    expect(allowances.settle(first.drawn, -200, true)).toEqual([]);
    expect(
      allowances.withHeld(
        keys,
        limits.map(() => admittedOutcome),
      ),
    ).toEqual([
      { ...admittedOutcome, remaining: 108 },
      { ...admittedOutcome, remaining: 100 + 600 },
      { ...admittedOutcome, remaining: 104 },
    ]);
    advance(1_000);
    const back = allowances.collect(false).map((entry) => entry.giveBack);
    expect(back).toEqual([
      { limit: rpm, units: 8, slots: [] },
      { limit: tpm, units: 600, slots: [] },
      { limit: slots, units: 0, slots: ['h:0:1', 'h:0:2', 'h:0:3', 'h:0:5'] },
    ]);
    expect(allowances.settle(second.drawn, -200, true)).toEqual([
      { limit: tpm, units: 200, slots: [] },
      { limit: slots, units: 0, slots: ['h:0:4'] },
    ]);
  });

  it('renews the slots it holds, lent ones of retired allowances too', () => {
    const { allowances, advance } = granted();
    const drawn = allowances.draw(keys, limits, 1);
    expect(allowances.slotsToRenew()).toEqual([]);
    advance(15_000);
    allowances.collect(true);
    expect(allowances.slotsToRenew()).toEqual([
      { partition: 'team:t', key: 'c', slots: ['h:0:5'] },
    ]);
    if (drawn !== undefined) allowances.settle(drawn.drawn, 0, true);
    advance(15_000);
    expect(allowances.slotsToRenew()).toEqual([]);
  });
});
