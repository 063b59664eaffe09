import { randomBytes } from 'node:crypto';

/** What a fake upstream finds of a bearer token: issued and live, issued and expired, or unknown. */
export type TokenVerdict = 'valid' | 'expired' | 'unknown';

/** The access tokens a fake token endpoint issued, each with its expiry. */
export interface TokenLedger {
  /** A new random token living `lifetimeSeconds` from now. */
  issue(lifetimeSeconds: number): string;
  verify(token: string | undefined): TokenVerdict;
  /** How many tokens were issued. */
  readonly issued: number;
}

/** A ledger judging expiry by `now` (epoch milliseconds), so tests may use short-lived tokens. */
export function createTokenLedger(prefix: string, now: () => number = Date.now): TokenLedger {
  const expiries = new Map<string, number>();
  return {
    issue(lifetimeSeconds) {
      const token = `${prefix}${randomBytes(24).toString('base64url')}`;
      expiries.set(token, now() + lifetimeSeconds * 1000);
      return token;
    },
    verify(token) {
      const expiresAt = token === undefined ? undefined : expiries.get(token);
      if (expiresAt === undefined) return 'unknown';
      return now() < expiresAt ? 'valid' : 'expired';
    },
    get issued() {
      return expiries.size;
    },
  };
}
