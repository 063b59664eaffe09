import { describe, expect, it } from 'vitest';
import { hasSettled } from './has-settled.js';

describe('hasSettled', () => {
  it('is false while CPU per request keeps falling', () => {
    expect(hasSettled([1460, 620, 450, 380])).toBe(false);
    expect(hasSettled([1460, 620, 450, 380, 400, 390, 355])).toBe(false);
  });

  it('is true once three rounds in a row come no more than 5 % below the best before them', () => {
    expect(hasSettled([1460, 620, 450, 380, 480, 420, 395])).toBe(true);
    // 362 is 4.7 % below 380: noise, not progress; so is 361, exactly 5 % below.
    expect(hasSettled([1460, 620, 450, 380, 362, 420, 395])).toBe(true);
    expect(hasSettled([1460, 620, 450, 380, 361, 420, 395])).toBe(true);
    expect(hasSettled([1460, 620, 450, 380, 360, 420, 395])).toBe(false);
  });

  it('needs more rounds than its patience', () => {
    expect(hasSettled([])).toBe(false);
    expect(hasSettled([300, 300, 300])).toBe(false);
    expect(hasSettled([300, 300, 300, 300])).toBe(true);
  });

  it('takes another rule', () => {
    const rule = { patience: 1, minGain: 0.1 };
    expect(hasSettled([400, 370], rule)).toBe(true);
    expect(hasSettled([400, 350], rule)).toBe(false);
  });
});
