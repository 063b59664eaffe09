import { shiftDecimalPoint } from './shift-decimal-point.js';

/**
 * Writes a finite, non-negative number as a plain decimal string, expanding exponents without
 * float arithmetic: `1e-7` becomes `'0.0000001'`, `2.5e-6` becomes `'0.0000025'`.
 */
export function numberToDecimalString(value: number): string {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`not a finite non-negative number: ${value}`);
  }
  // String() gives the shortest text that round-trips, i.e. the decimal the YAML author wrote.
  const [mantissa = '0', exponent = '0'] = String(value).split('e');
  return shiftDecimalPoint(mantissa, Number(exponent));
}
