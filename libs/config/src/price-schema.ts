import { z } from 'zod';
import { numberToDecimalString } from './number-to-decimal-string.js';
import { shiftDecimalPoint } from './shift-decimal-point.js';

const DECIMAL = /^\d+(\.\d+)?$/;
const EXPECTED = 'expected a non-negative decimal such as "0.0000025"';

/**
 * A USD-per-token price, given as a decimal string or a YAML number, parsed into an exact
 * canonical decimal string (never a float).
 */
export const priceSchema = z.unknown().transform((value, context) => {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      context.addIssue({ code: 'custom', message: 'must be a finite number' });
      return z.NEVER;
    }
    if (value < 0) {
      context.addIssue({ code: 'custom', message: 'must not be negative' });
      return z.NEVER;
    }
    return numberToDecimalString(value);
  }
  if (typeof value === 'string' && DECIMAL.test(value.trim())) {
    return shiftDecimalPoint(value.trim(), 0);
  }
  const negative = typeof value === 'string' && value.trim().startsWith('-');
  context.addIssue({ code: 'custom', message: negative ? 'must not be negative' : EXPECTED });
  return z.NEVER;
});
