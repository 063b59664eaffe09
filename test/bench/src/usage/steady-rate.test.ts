import { describe, expect, it } from 'vitest';
import { steadyRate } from './steady-rate.js';

describe('steadyRate', () => {
  it('measures between 10% and 90% of the rows, leaving out start-up and the tail', () => {
    const samples = [
      { ms: 0, rows: 0 },
      { ms: 500, rows: 0 },
      { ms: 1_000, rows: 1_000 },
      { ms: 2_000, rows: 5_000 },
      { ms: 3_000, rows: 9_000 },
      { ms: 4_500, rows: 10_000 },
    ];
    expect(steadyRate(samples, 10_000)).toBe(4_000);
  });

  it('is undefined when the rows arrived in one sample or never', () => {
    expect(steadyRate([{ ms: 100, rows: 10_000 }], 10_000)).toBeUndefined();
    expect(steadyRate([{ ms: 100, rows: 10 }], 10_000)).toBeUndefined();
  });
});
