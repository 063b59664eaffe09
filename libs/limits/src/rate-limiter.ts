import type { AdmissionRequest } from './admission-request.js';
import type { AdmissionResult } from './admission-result.js';
import type { Lease } from './lease.js';
import type { LimitScope } from './limit-scope.js';
import type { ScopeState } from './scope-state.js';

/**
 * Requests, tokens and concurrent requests per minute for many scopes at once (key, team,
 * key+model). Implemented over Redis (shared by every gateway replica) and in memory.
 */
export interface RateLimiter {
  /**
   * Checks and charges every limit of every scope in one step (one Redis round trip): either all
   * are charged (one request, `tokens` tokens, one concurrency slot) or, on refusal, none.
   */
  admit(request: AdmissionRequest): Promise<AdmissionResult>;
  /**
   * Replaces the tokens charged for the lease by `actualTokens` (refunding or charging the
   * difference). May be called again with a newer total; store errors are reported, not thrown.
   */
  reconcile(lease: Lease, actualTokens: number): Promise<void>;
  /** Frees the lease's concurrency slots. Idempotent; store errors are reported, not thrown. */
  release(lease: Lease): Promise<void>;
  /**
   * `reconcile` (when `actualTokens` is given) and `release` in one step — one Redis round trip
   * at the end of a request. Idempotent for the release; store errors are reported, not thrown.
   */
  finish(lease: Lease, actualTokens: number | undefined): Promise<void>;
  /**
   * The scopes' current state without charging anything (for `GET /v1/key`); empty while the
   * store is unreachable and the limiter fails open.
   */
  state(partition: string, scopes: readonly LimitScope[]): Promise<ScopeState[]>;
  /**
   * Gives back what this limiter charged ahead and stops its timers; call it after the last
   * request ended, before the store's connection closes. Store errors are reported, not thrown.
   */
  close(): Promise<void>;
}
