import { formatUsd, parseUsd } from '@switchyard/contracts';

/** A non-negative decimal string without superfluous zeros (`"0.000010"` → `"0.00001"`). */
export function canonicalDecimal(text: string): string {
  return formatUsd(parseUsd(text));
}
