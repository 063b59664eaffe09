import { describe, expect, it } from 'vitest';
import { createAllowances } from './create-allowances.js';
import type { LimitOutcome } from './limit-outcome.js';
import type { PlannedLimit } from './planned-limit.js';

// One unit of the RPM limit is charged for 60 ms, one token of the TPM limit for 0.6 ms.
const rpm: PlannedLimit = { scope: 'key:a', kind: 'requests', limit: 1_000 };
const tpm: PlannedLimit = { scope: 'key:a', kind: 'tokens', limit: 100_000 };
const slots: PlannedLimit = { scope: 'key:a', kind: 'concurrency', limit: 500 };
const limits = [rpm, tpm, slots];
const keys = ['r', 't', 'c'];

const outcome = (remaining: number, resetMs: number): LimitOutcome => ({
  fits: true,
  retryAfterMs: 0,
  tooLarge: false,
  remaining,
  resetMs,
});

/** Allowances on a clock the test moves, granted `grants` with the store's TATs a minute out. */
function granted(grants = [10, 1_000, 5], resetMs = [60_000, 60_000, 0]) {
  let clock = 0;
  const allowances = createAllowances({
    share: 0.01,
    idleMs: 1_000,
    slotTtlMs: 60_000,
    now: () => clock,
  });
  allowances.grant('team:t', keys, limits, {
    outcomes: resetMs.map((reset) => outcome(100, reset)),
    granted: grants,
    prefix: 'h:0:',
  });
  return { allowances, advance: (ms: number) => (clock += ms) };
}

describe('createAllowances', () => {
  it('charges ahead only limits worth 2 units, for requests no larger than the share', () => {
    const allowances = createAllowances({ share: 0.01, idleMs: 1, slotTtlMs: 1, now: () => 0 });
    expect(allowances.covers([rpm, { ...slots, limit: 200 }], 0)).toBe(true);
    expect(allowances.covers([rpm, { ...slots, limit: 199 }], 0)).toBe(false);
    expect(allowances.covers([tpm], 1_000)).toBe(true);
    expect(allowances.covers([tpm], 1_001)).toBe(false);
    const off = createAllowances({ share: 0, idleMs: 1, slotTtlMs: 1, now: () => 0 });
    expect(off.covers([rpm], 0)).toBe(false);
  });

  it('draws all of a request or nothing', () => {
    const { allowances } = granted([10, 500, 5]);
    expect(allowances.draw(keys, limits, 600)).toBeUndefined();
    const drawn = allowances.draw(keys, limits, 500);
    expect(drawn?.drawn.slots.map((slot) => slot.name)).toEqual(['h:0:5']);
    expect(drawn?.drawn.tokens).toHaveLength(1);
    // What the headers show: the store's 100 plus what is still held.
    expect(drawn?.outcomes.map((drawnOutcome) => drawnOutcome.remaining)).toEqual([109, 100, 104]);
    expect(allowances.draw(keys, limits, 1)).toBeUndefined();
  });

  it('drops held units whose charge has drained from the store', () => {
    // The store's TAT was 300 ms out after the grant: 5 requests' worth of the 10 granted.
    const { allowances, advance } = granted([10, 1_000, 5], [300, 60_000, 0]);
    expect(allowances.draw(keys, limits, 1)).toBeDefined();
    advance(120);
    // 180 ms of charge left: 3 requests, one of them drawn already counted off.
    expect(allowances.handBack(keys, limits)).toEqual([3, 999, 0]);
    expect(allowances.draw(keys, limits, 1)).toBeUndefined();
  });

  it('asks for an allowance once while the first ask is on its way', () => {
    const allowances = createAllowances({ share: 0.01, idleMs: 1, slotTtlMs: 1, now: () => 0 });
    const first = allowances.wants(keys, limits);
    expect(first).toEqual([10, 1_000, 5]);
    expect(allowances.wants(keys, limits)).toEqual([0, 0, 0]);
    allowances.settleWants(keys, first);
    expect(allowances.wants(keys, limits)).toEqual(first);
  });

  it('keeps refunds and freed slots while live, and sends the rest to the store', () => {
    const { allowances, advance } = granted();
    const first = allowances.draw(keys, limits, 300);
    const second = allowances.draw(keys, limits, 300);
    const third = allowances.draw(keys, limits, 300);
    if (first === undefined || second === undefined || third === undefined) {
      throw new Error('expected draws');
    }
    expect(allowances.settle(first.drawn, -200, true)).toEqual([]);
    // An overrun larger than what is held (300) is charged in the store.
    expect(allowances.settle(third.drawn, 301, false)).toEqual([
      { limit: tpm, units: -301, slots: [] },
    ]);
    expect(
      allowances.withHeld(
        keys,
        limits,
        [0, 0, 0].map(() => outcome(100, 0)),
      ),
    ).toEqual([outcome(107, 0), outcome(100 + 300, 0), outcome(103, 0)]);
    advance(1_000);
    const back = allowances.collect(false).map((entry) => entry.giveBack);
    // 1 s later the RPM's TAT is 59 s out: all 7 still charged.
    expect(back).toEqual([
      { limit: rpm, units: 7, slots: [] },
      { limit: tpm, units: 300, slots: [] },
      { limit: slots, units: 0, slots: ['h:0:1', 'h:0:2', 'h:0:5'] },
    ]);
    expect(allowances.settle(second.drawn, -200, true)).toEqual([
      { limit: tpm, units: 200, slots: [] },
      { limit: slots, units: 0, slots: ['h:0:4'] },
    ]);
  });

  it('renews held slots, lent ones for one slot TTL, and drops those the store lost', () => {
    const { allowances, advance } = granted();
    const drawn = allowances.draw(keys, limits, 1);
    expect(allowances.slotsToRenew()).toEqual([]);
    advance(15_000);
    const [renewal] = allowances.slotsToRenew();
    expect(renewal?.slots).toEqual(['h:0:1', 'h:0:2', 'h:0:3', 'h:0:4', 'h:0:5']);
    if (renewal === undefined || drawn === undefined) throw new Error('expected a renewal');
    allowances.renewed(renewal, new Set(['h:0:1']));
    expect(allowances.slotsToRenew()).toEqual([]);
    advance(15_000);
    expect(allowances.slotsToRenew()[0]?.slots).toEqual(['h:0:2', 'h:0:3', 'h:0:4', 'h:0:5']);
    // A request lent a slot a whole TTL ago without ending: its slot is left to expire.
    advance(30_000);
    expect(allowances.slotsToRenew()[0]?.slots).toEqual(['h:0:2', 'h:0:3', 'h:0:4']);
  });
});
