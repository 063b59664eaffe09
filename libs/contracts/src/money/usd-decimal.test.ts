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
    expect(toNanoUsd(parseUsd('0.00000015'))).toBe(150n);
    expect(toNanoUsd(parseUsd('25'))).toBe(25_000_000_000n);
    expect(toNanoUsd(parseUsd('0.0000000375'))).toBe(38n);
    expect(toNanoUsd(parseUsd('0.0000000370'))).toBe(37n);
    expect(formatNanoUsd(150)).toBe('0.00000015');
    expect(formatNanoUsd(25_000_000_000)).toBe('25');
    // Far past 2^53 nano-USD: exact, not "99999999999.00000256".
    expect(toNanoUsd(parseUsd('99999999999'))).toBe(99_999_999_999_000_000_000n);
    expect(formatNanoUsd(toNanoUsd(parseUsd('99999999999.123456789')))).toBe(
      '99999999999.123456789',
    );
  });

  it('reads a JSON number as the decimal it was written as', () => {
    const read = (value: number) => {
      const amount = usdFromNumber(value);
      return amount && formatUsd(amount);
    };
    expect(read(0.000123)).toBe('0.000123');
    expect(read(1.5e-7)).toBe('0.00000015');
    expect(read(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(read(999_999_999_999)).toBe('999999999999');
    expect(read(0)).toBe('0');
    // Past 18 decimals (float noise, subnormals) it rounds up to what the ledger holds.
    expect(read(0.0000030000000000000005)).toBe('0.000003000000000001');
    expect(read(0.00012345678901234567)).toBe('0.000123456789012346');
    expect(read(1e-19)).toBe('0.000000000000000001');
    expect(read(5e-324)).toBe('0.000000000000000001');
    expect(read(1e12)).toBeUndefined();
    expect(read(1e308)).toBeUndefined();
    expect(read(-0.1)).toBeUndefined();
    expect(read(Number.NaN)).toBeUndefined();
    expect(read(Number.POSITIVE_INFINITY)).toBeUndefined();
  });
});
