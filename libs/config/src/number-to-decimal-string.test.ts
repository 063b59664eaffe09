import { describe, expect, it } from 'vitest';
import { numberToDecimalString } from './number-to-decimal-string.js';

describe('numberToDecimalString', () => {
  it('expands exponents exactly', () => {
    expect(numberToDecimalString(1e-7)).toBe('0.0000001');
    expect(numberToDecimalString(2.5e-6)).toBe('0.0000025');
    expect(numberToDecimalString(1.23e-18)).toBe('0.00000000000000000123');
    expect(numberToDecimalString(1.5e21)).toBe('1500000000000000000000');
  });

  it('keeps plain numbers as written', () => {
    expect(numberToDecimalString(0.0000025)).toBe('0.0000025');
    expect(numberToDecimalString(0.1)).toBe('0.1');
    expect(numberToDecimalString(0)).toBe('0');
    expect(numberToDecimalString(3)).toBe('3');
  });

  it('rejects negative and non-finite numbers', () => {
    expect(() => numberToDecimalString(-1)).toThrow(RangeError);
    expect(() => numberToDecimalString(Number.NaN)).toThrow(RangeError);
    expect(() => numberToDecimalString(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});
