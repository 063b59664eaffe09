/** An access token and when it stops being accepted (epoch milliseconds). */
export interface CachedToken {
  readonly token: string;
  readonly expiresAtMs: number;
}

export interface TokenCacheOptions {
  /** The clock the expiry is judged by. */
  readonly now: () => number;
  /** Refresh this long before expiry at most (default five minutes)… */
  readonly refreshMarginMs?: number;
}

/** Tokens per credential, fetched once and shared by concurrent callers. */
export interface TokenCache {
  /** The cached token for `key`, or a fresh one from `fetchToken` when it is (nearly) expired. */
  get(key: string, fetchToken: () => Promise<CachedToken>): Promise<string>;
}

/**
 * A token cache that refreshes a token before it expires: at `refreshMarginMs` before, or half
 * way through its life for tokens shorter than twice that margin, so short-lived tokens are
 * refreshed too. Concurrent callers share one fetch; a failed fetch is not cached.
 */
export function createTokenCache(options: TokenCacheOptions): TokenCache {
  const margin = options.refreshMarginMs ?? 5 * 60_000;
  const entries = new Map<string, { token: CachedToken; refreshAtMs: number }>();
  const pending = new Map<string, Promise<CachedToken>>();
  const refreshAt = (token: CachedToken, fetchedAt: number): number => {
    const lifetime = Math.max(0, token.expiresAtMs - fetchedAt);
    return token.expiresAtMs - Math.min(margin, lifetime / 2);
  };
  return {
    async get(key, fetchToken) {
      const entry = entries.get(key);
      if (entry !== undefined && options.now() < entry.refreshAtMs) return entry.token.token;
      let fetching = pending.get(key);
      if (fetching === undefined) {
        const fetchedAt = options.now();
        fetching = fetchToken()
          .then((token) => {
            entries.set(key, { token, refreshAtMs: refreshAt(token, fetchedAt) });
            return token;
          })
          .finally(() => pending.delete(key));
        pending.set(key, fetching);
      }
      return (await fetching).token;
    },
  };
}
