import { describe, expect, it } from 'vitest';
import { formatUsd } from './format-usd.js';

describe('formatUsd', () => {
  it('shows cents for amounts of a cent or more, with thousands grouped', () => {
    expect(formatUsd('1.239')).toBe('$1.23');
    expect(formatUsd('1234567.5')).toBe('$1,234,567.50');
    expect(formatUsd('0.10')).toBe('$0.10');
    expect(formatUsd('3')).toBe('$3.00');
  });

  it('shows up to six decimals for small amounts, and a dash for none', () => {
    expect(formatUsd('0.000042')).toBe('$0.000042');
    expect(formatUsd('0.0050')).toBe('$0.005');
    expect(formatUsd('0.000000001')).toBe('$0.00');
    expect(formatUsd('0')).toBe('$0.00');
    expect(formatUsd(null)).toBe('—');
  });
});
