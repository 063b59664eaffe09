export type { AdmissionRequest } from './admission-request.js';
export type {
  AdmissionResult,
  Admitted,
  AdmittedDegraded,
  Refused,
} from './admission-result.js';
export type {
  Budget,
  BudgetHold,
  BudgetLedger,
  BudgetReservation,
  BudgetReservationRequest,
  BudgetState,
} from './budget/budget-ledger.js';
export { createMemoryBudgetLedger } from './budget/create-memory-budget-ledger.js';
export { createRedisBudgetLedger } from './budget/create-redis-budget-ledger.js';
export {
  type BudgetPeriod,
  type CurrentBudget,
  currentBudget,
} from './budget/current-budget.js';
export { CONCURRENCY_RETRY_AFTER_MS } from './check-concurrency.js';
export { formatResetDuration } from './format-reset-duration.js';
export type { Lease } from './lease.js';
export type { LimitKind } from './limit-kind.js';
export type { LimitScope } from './limit-scope.js';
export { LimiterUnavailableError } from './limiter-unavailable-error.js';
export {
  createMemoryRateLimiter,
  type MemoryRateLimiterOptions,
} from './memory/create-memory-rate-limiter.js';
export type { RateLimiter } from './rate-limiter.js';
export {
  createRedisRateLimiter,
  DEFAULT_STORE_TIMEOUT_MS,
  type RedisRateLimiterOptions,
} from './redis/create-redis-rate-limiter.js';
export type { ScopeState } from './scope-state.js';
export { SCRIPT_VERSION } from './script-version.js';
export { DEFAULT_SLOT_TTL_MS } from './slot-ttl-ms-of.js';
export { toRateLimitHeaders } from './to-rate-limit-headers.js';
