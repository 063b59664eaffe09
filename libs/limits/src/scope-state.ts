/**
 * One scope's limits as OpenAI's `x-ratelimit-*` headers describe them: the limit, what remains
 * now, and the milliseconds until the scope is back to its full allowance. Fields of limits the
 * scope does not have are absent.
 */
export interface ScopeState {
  readonly scope: string;
  readonly limitRequests?: number;
  readonly remainingRequests?: number;
  readonly resetRequestsMs?: number;
  readonly limitTokens?: number;
  readonly remainingTokens?: number;
  readonly resetTokensMs?: number;
  readonly limitConcurrent?: number;
  readonly remainingConcurrent?: number;
}
