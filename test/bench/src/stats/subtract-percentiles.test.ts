import { describe, expect, it } from 'vitest';
import { subtractPercentiles } from './subtract-percentiles.js';

describe('subtractPercentiles', () => {
  it('subtracts p50 from p50 and p99 from p99, negative when faster', () => {
    expect(subtractPercentiles({ p50: 1.5, p99: 2 }, { p50: 1, p99: 3 })).toEqual({
      p50: 0.5,
      p99: -1,
    });
  });

  it('is undefined when either side was not measured', () => {
    expect(subtractPercentiles(undefined, { p50: 1, p99: 3 })).toBeUndefined();
    expect(subtractPercentiles({ p50: 1, p99: 3 }, undefined)).toBeUndefined();
  });
});
