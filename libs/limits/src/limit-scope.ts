/**
 * One principal's limits (a key, a team, a key+model pair), checked together with the other
 * scopes of a request. An absent limit does not apply; a present one is a positive integer.
 */
export interface LimitScope {
  /** Stable id naming the counters, e.g. `key:abc`, `team:t1`, `key:abc:model:openai/gpt-4o`. */
  readonly id: string;
  readonly requestsPerMinute?: number;
  readonly tokensPerMinute?: number;
  readonly maxConcurrent?: number;
}
