import {
  type Lease,
  LimiterUnavailableError,
  type RateLimiter,
  toRateLimitHeaders,
} from '@switchyard/limits';
import { apiErrors } from '@switchyard/service-kit';
import type { Principal } from '../auth/principal.js';
import type { AdmissionMetrics } from './admission-metrics.js';
import { limitScopesOf } from './limit-scopes-of.js';

/** A request let through its rate limits; `end` hands back what it held. */
export interface Admission {
  /** `x-ratelimit-*` headers describing the tightest limits after this request. */
  readonly headers: Record<string, string>;
  /**
   * Settles the reservation once the request is over: tokens reconciled to the actual usage
   * (or refunded when the request failed without using any), concurrency slot released.
   * Idempotent; never throws.
   */
  end(result: { status: number; usedTokens: number | undefined }): void;
}

const UNLIMITED: Admission = { headers: {}, end: () => undefined };

/**
 * Checks the principal's limits for one request reserving `tokens` (prompt estimate plus the
 * completion cap), in one limiter call. Refusal is 429 `rate_limit_exceeded` with
 * `retry-after` and the headers; an unreachable store is 503 when failing closed.
 */
export async function admitRequest(
  limiter: RateLimiter,
  metrics: AdmissionMetrics,
  request: { principal: Principal; modelId: string | undefined; tokens: number; leaseId: string },
): Promise<Admission> {
  const { partition, scopes } = limitScopesOf(request.principal, request.modelId);
  if (scopes.length === 0) return UNLIMITED;
  let result: Awaited<ReturnType<RateLimiter['admit']>>;
  try {
    result = await limiter.admit({
      partition,
      scopes,
      tokens: request.tokens,
      leaseId: request.leaseId,
    });
  } catch (error: unknown) {
    if (!(error instanceof LimiterUnavailableError)) throw error;
    metrics.degraded('closed', 'rate_limit');
    throw apiErrors.unavailable('Rate limits cannot be checked right now; retry shortly.', error);
  }
  const headers = toRateLimitHeaders(result.states);
  if (!result.admitted) {
    metrics.refused(result.limitedBy.limit);
    throw apiErrors
      .rateLimitExceeded(
        refusalMessage(result.limitedBy, result.tooLarge, request.tokens),
        result.retryAfterMs,
      )
      .withHeaders(headers);
  }
  if (result.degraded === true) metrics.degraded('open', 'rate_limit');
  return { headers, end: ender(limiter, result.lease) };
}

function ender(limiter: RateLimiter, lease: Lease): Admission['end'] {
  let ended = false;
  return ({ status, usedTokens }) => {
    if (ended) return;
    ended = true;
    // A failure without usage consumed nothing upstream; a client that left mid-stream (499)
    // without a usage report may have, so its reservation stands.
    const actual = usedTokens ?? (status >= 400 && status !== 499 ? 0 : undefined);
    void limiter.finish(lease, actual);
  };
}

function refusalMessage(
  limitedBy: { scope: string; limit: string },
  tooLarge: boolean,
  tokens: number,
): string {
  const owner = limitedBy.scope.startsWith('team:') ? "your team's" : "this key's";
  if (tooLarge) {
    return `Request too large: it reserves ${tokens} tokens, more than ${owner} tokens-per-minute limit. Lower max_tokens or shorten the prompt.`;
  }
  const what =
    limitedBy.limit === 'concurrency'
      ? 'concurrent requests'
      : limitedBy.limit === 'tokens'
        ? 'tokens per minute'
        : 'requests per minute';
  return `Rate limit reached for ${what} (${owner} limit). Retry after the time in the retry-after header.`;
}
