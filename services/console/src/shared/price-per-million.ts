import { decimalShift } from './decimal-shift.js';

/** A per-token USD price (the catalog's decimal string) as USD per 1M tokens, exactly. */
export function perTokenToPerMillion(perToken: string): string | undefined {
  return decimalShift(perToken, 6);
}

/** A USD-per-1M-tokens price typed by a person as the catalog's per-token decimal string. */
export function perMillionToPerToken(perMillion: string): string | undefined {
  return decimalShift(perMillion, -6);
}
