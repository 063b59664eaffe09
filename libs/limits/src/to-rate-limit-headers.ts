import { formatResetDuration } from './format-reset-duration.js';
import type { ScopeState } from './scope-state.js';

type Tightest = { limit: number; remaining: number; resetMs: number };

function tightest(
  states: readonly ScopeState[],
  read: (state: ScopeState) => Partial<Tightest>,
): Tightest | undefined {
  let found: Tightest | undefined;
  for (const state of states) {
    const { limit, remaining, resetMs } = read(state);
    if (limit === undefined || remaining === undefined || resetMs === undefined) continue;
    const candidate = { limit, remaining, resetMs };
    if (
      found === undefined ||
      remaining < found.remaining ||
      (remaining === found.remaining && resetMs > found.resetMs)
    ) {
      found = candidate;
    }
  }
  return found;
}

/**
 * OpenAI's `x-ratelimit-*` headers for a request checked against several scopes: per dimension,
 * the scope with the least remaining (the one that will refuse first). The `-tokens` trio only
 * when a token limit applies; nothing for a degraded admission (no states).
 */
export function toRateLimitHeaders(states: readonly ScopeState[]): Record<string, string> {
  const headers: Record<string, string> = {};
  const requests = tightest(states, (state) => ({
    limit: state.limitRequests,
    remaining: state.remainingRequests,
    resetMs: state.resetRequestsMs,
  }));
  if (requests !== undefined) {
    headers['x-ratelimit-limit-requests'] = String(requests.limit);
    headers['x-ratelimit-remaining-requests'] = String(requests.remaining);
    headers['x-ratelimit-reset-requests'] = formatResetDuration(requests.resetMs);
  }
  const tokens = tightest(states, (state) => ({
    limit: state.limitTokens,
    remaining: state.remainingTokens,
    resetMs: state.resetTokensMs,
  }));
  if (tokens !== undefined) {
    headers['x-ratelimit-limit-tokens'] = String(tokens.limit);
    headers['x-ratelimit-remaining-tokens'] = String(tokens.remaining);
    headers['x-ratelimit-reset-tokens'] = formatResetDuration(tokens.resetMs);
  }
  return headers;
}
