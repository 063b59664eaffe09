/** How hard the gateway tries before giving up; one place to tune retries and breakers. */
export interface RoutingPolicy {
  /** Most upstream calls for one request, across credentials, routes and fallback models. */
  maxAttempts: number;
  /** First backoff before a retry; doubles per attempt, with full jitter. */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Consecutive retryable failures that open a route's circuit. */
  circuitFailureThreshold: number;
  /** How long an open circuit refuses traffic before one trial call. */
  circuitCooldownMs: number;
  /** Cooldown of a credential after a 429 that named no `retry-after`. */
  defaultRateLimitCooldownMs: number;
  /** How long a credential the provider refused (401/403) stays out of rotation. */
  refusedCredentialCooldownMs: number;
}

export const DEFAULT_ROUTING_POLICY: RoutingPolicy = Object.freeze({
  maxAttempts: 4,
  backoffBaseMs: 50,
  backoffMaxMs: 1000,
  circuitFailureThreshold: 5,
  circuitCooldownMs: 30_000,
  defaultRateLimitCooldownMs: 5_000,
  refusedCredentialCooldownMs: 60_000,
});
