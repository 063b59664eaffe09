import type { RateLimiter } from '@switchyard/limits';
import type { AdmissionMetrics } from './admission/admission-metrics.js';
import type { BudgetChecks } from './admission/create-budget-checks.js';
import type { Authenticator } from './auth/create-authenticator.js';
import type { ModelCatalog } from './catalog/model-catalog.js';
import type { Executor } from './executor/create-executor.js';
import type { ShutdownCutoff } from './relay/create-shutdown-cutoff.js';
import type { CircuitBreakers } from './routing/circuit-breaker.js';
import type { RoutingMetrics } from './routing/routing-metrics.js';
import type { RoutingPolicy } from './routing/routing-policy.js';
import type { UsageRecorder } from './usage/usage-recorder.js';

/** What the route handlers work with, built once in `buildGatewayApp`. */
export interface GatewayDeps {
  authenticate: Authenticator;
  catalog: ModelCatalog;
  limiter: RateLimiter;
  budgets: BudgetChecks;
  admissionMetrics: AdmissionMetrics;
  executor: Executor;
  breakers: CircuitBreakers;
  policy: RoutingPolicy;
  routingMetrics: RoutingMetrics;
  usage: UsageRecorder;
  /** Ends the requests (streams) still running when the shutdown grace is over. */
  shutdownCutoff: ShutdownCutoff;
  /** Longest body the request log keeps, per request and per response (UTF-8 bytes). */
  requestLogMaxBytes: number;
  /** Total deadline of one request's upstream work, retries included. */
  requestTimeoutMs: number;
  /** Milliseconds since the epoch; injectable so tests can pin time. */
  now: () => number;
  /** In [0, 1); injectable so tests can pin jitter and random credential choice. */
  random: () => number;
}
