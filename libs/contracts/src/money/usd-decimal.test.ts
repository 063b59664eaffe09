import { describe, expect, it } from 'vitest';
import { formatUsd, multiplyUsd, parseUsd, sumUsd } from './usd-decimal.js';

describe('usd decimal', () => {
  it('multiplies and sums exactly where floats would not', () => {
    // 0.1 + 0.2 in floats is 0.30000000000000004
    expect(formatUsd(sumUsd([parseUsd('0.1'), parseUsd('0.2')]))).toBe('0.3');
    const price = parseUsd('0.0000025');
    expect(formatUsd(multiplyUsd(price, 1_234_567))).toBe('3.0864175');
  });

  it('formats small and whole amounts without trailing zeros', () => {
    expect(formatUsd(parseUsd('0.000040'))).toBe('0.00004');
    expect(formatUsd(parseUsd('12.000'))).toBe('12');
    expect(formatUsd(sumUsd([]))).toBe('0');
  });

  it('rejects what is not a non-negative decimal', () => {
    expect(() => parseUsd('-1')).toThrow(/decimal/);
    expect(() => parseUsd('1e-7')).toThrow(/decimal/);
  });
});
