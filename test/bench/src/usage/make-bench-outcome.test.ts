import { usageEventV1Schema } from '@switchyard/contracts';
import { toUsageEvent } from '@switchyard/gateway';
import { describe, expect, it } from 'vitest';
import { BENCH_KEYS, BENCH_TEAMS, makeBenchOutcome } from './make-bench-outcome.js';
import { makeLoggedBodies } from './make-logged-bodies.js';

const startedAt = Date.parse('2026-11-23T10:00:00Z');
const outcomes = Array.from({ length: 10_000 }, (_, index) =>
  makeBenchOutcome('run1', index, startedAt),
);

describe('makeBenchOutcome', () => {
  it('becomes a valid usage event v1 with a request id unique to its run', () => {
    for (const outcome of outcomes.slice(0, 500)) {
      const event = toUsageEvent(outcome, startedAt + outcome.latencyMs);
      expect(usageEventV1Schema.safeParse(event).success).toBe(true);
    }
    expect(new Set(outcomes.map((outcome) => outcome.requestId)).size).toBe(outcomes.length);
    expect(makeBenchOutcome('run2', 0, startedAt).requestId).not.toBe(outcomes[0]?.requestId);
  });

  it('spreads requests over many keys, teams and models, mostly successes', () => {
    const count = (pick: (outcome: (typeof outcomes)[number]) => unknown) =>
      new Set(outcomes.map(pick)).size;
    expect(count((outcome) => outcome.principal.keyId)).toBe(BENCH_KEYS);
    expect(count((outcome) => outcome.principal.teamId)).toBe(BENCH_TEAMS);
    expect(count((outcome) => outcome.model)).toBe(7);
    expect(count((outcome) => outcome.stream)).toBe(2);
    const successes = outcomes.filter((outcome) => outcome.status === 200).length;
    expect(successes / outcomes.length).toBeGreaterThan(0.95);
    expect(successes / outcomes.length).toBeLessThan(0.99);
    expect(
      outcomes.some((outcome) => outcome.status === 502 && outcome.errorMessage !== null),
    ).toBe(true);
  });

  it('prices served requests as exact decimals and leaves failed ones without a cost', () => {
    const served = outcomes.find((outcome) => outcome.status === 200);
    expect(served?.cost).toMatch(/^0\.\d+$/);
    const limited = outcomes.find((outcome) => outcome.status === 429);
    expect(limited).toMatchObject({ cost: undefined, usage: undefined, usageSource: 'none' });
  });

  it('carries logged bodies when given, and the event keeps them', () => {
    const bodies = makeLoggedBodies(8_192);
    const outcome = makeBenchOutcome('run1', 1, startedAt, bodies);
    const event = usageEventV1Schema.parse(toUsageEvent(outcome, startedAt + 1_000));
    expect(event.bodies).toEqual(bodies);
  });
});
