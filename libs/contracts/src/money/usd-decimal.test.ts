import { describe, expect, it } from 'vitest';
import {
  formatNanoUsd,
  formatUsd,
  multiplyUsd,
  parseUsd,
  sumUsd,
  toNanoUsd,
  usdFromNumber,
} from './usd-decimal.js';

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

describe('nano-USD', () => {
  it('converts decimal amounts to whole nano-USD, rounding up, and back', () => {
    expect(toNanoUsd(parseUsd('0.00000015'))).toBe(150);
    expect(toNanoUsd(parseUsd('25'))).toBe(25_000_000_000);
    expect(toNanoUsd(parseUsd('0.0000000375'))).toBe(38);
    expect(toNanoUsd(parseUsd('0.0000000370'))).toBe(37);
    expect(formatNanoUsd(150)).toBe('0.00000015');
    expect(formatNanoUsd(25_000_000_000)).toBe('25');
  });

  it('reads a JSON number as the decimal it was written as', () => {
    const read = (value: number) => {
      const amount = usdFromNumber(value);
      return amount && formatUsd(amount);
    };
    expect(read(0.000123)).toBe('0.000123');
    expect(read(1.5e-7)).toBe('0.00000015');
    expect(read(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(read(2e21)).toBe('2000000000000000000000');
    expect(read(0)).toBe('0');
    expect(read(-0.1)).toBeUndefined();
    expect(read(Number.NaN)).toBeUndefined();
    expect(read(Number.POSITIVE_INFINITY)).toBeUndefined();
  });
});
