import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff-delay.js';

describe('backoffDelay', () => {
  const retry = { initialMs: 100, maxMs: 1_000 };

  it('doubles from the initial delay up to the cap', () => {
    expect([1, 2, 3, 4, 5, 50].map((failures) => backoffDelay(failures, retry, 0.999999))).toEqual([
      100, 200, 400, 800, 1_000, 1_000,
    ]);
  });

  it('jitters down to half the delay', () => {
    expect(backoffDelay(1, retry, 0)).toBe(50);
    expect(backoffDelay(3, retry, 0.5)).toBe(300);
  });
});
