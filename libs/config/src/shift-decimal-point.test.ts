import { describe, expect, it } from 'vitest';
import { shiftDecimalPoint } from './shift-decimal-point.js';

describe('shiftDecimalPoint', () => {
  it('moves the point left, padding with zeros', () => {
    expect(shiftDecimalPoint('2.50', -6)).toBe('0.0000025');
    expect(shiftDecimalPoint('10', -6)).toBe('0.00001');
    expect(shiftDecimalPoint('0.075', -6)).toBe('0.000000075');
  });

  it('moves the point right, padding with zeros', () => {
    expect(shiftDecimalPoint('1.5', 21)).toBe('1500000000000000000000');
    expect(shiftDecimalPoint('1.25', 1)).toBe('12.5');
  });

  it('writes canonical decimals', () => {
    expect(shiftDecimalPoint('00.50', 0)).toBe('0.5');
    expect(shiftDecimalPoint('0.000', -6)).toBe('0');
    expect(shiftDecimalPoint('7', 0)).toBe('7');
  });

  it('rejects what is not a non-negative decimal', () => {
    expect(() => shiftDecimalPoint('-1', 0)).toThrow(RangeError);
    expect(() => shiftDecimalPoint('1e-7', 0)).toThrow(RangeError);
  });
});
