import { describe, expect, it } from 'vitest';
import { summarizeSurvival } from './summarize-survival.js';

describe('summarizeSurvival', () => {
  it('weighs survival by bytes: what stayed young plus what was promoted, over what was young', () => {
    const survival = summarizeSurvival([
      [1_000_000, 10_000, 5_000],
      [3_000_000, 20_000, 5_000],
    ]);
    expect(survival).toEqual({
      collections: 2,
      youngBytes: 4_000_000,
      survivedBytes: 40_000,
      percent: 1,
    });
  });

  it('has no percentage without a collection', () => {
    expect(summarizeSurvival([]).percent).toBeUndefined();
  });
});
