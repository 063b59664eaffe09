import type { Lease } from './lease.js';
import type { LimitKind } from './limit-kind.js';
import type { ScopeState } from './scope-state.js';

/** Let through: every limit of every scope had room, and all of them were charged. */
export interface Admitted {
  readonly admitted: true;
  readonly lease: Lease;
  /** Each limited scope after this request was charged. */
  readonly states: ScopeState[];
  readonly degraded?: undefined;
}

/** Refused: some limit had no room, and nothing was charged anywhere. */
export interface Refused {
  readonly admitted: false;
  /** The limit that keeps the request out longest. */
  readonly limitedBy: { readonly scope: string; readonly limit: LimitKind };
  /** When the request would fit, exact for rate limits; a fixed hint for concurrency. */
  readonly retryAfterMs: number;
  /**
   * The request's tokens exceed `limitedBy`'s TPM limit itself: no wait makes it fit, only a
   * smaller reservation (a lower max_tokens) does.
   */
  readonly tooLarge: boolean;
  /** Each limited scope as it stands (unchanged by this refusal). */
  readonly states: ScopeState[];
}

/** Let through unchecked because the store was unreachable and the limiter fails open. */
export interface AdmittedDegraded {
  readonly admitted: true;
  readonly lease: Lease;
  readonly states: [];
  readonly degraded: true;
}

/** The answer to {@link RateLimiter.admit}. */
export type AdmissionResult = Admitted | Refused | AdmittedDegraded;
