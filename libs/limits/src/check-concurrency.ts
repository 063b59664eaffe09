import type { LimitOutcome } from './limit-outcome.js';

/**
 * The retry hint when only a concurrency limit refuses: when a slot frees depends on other
 * requests finishing, so no exact time exists.
 */
export const CONCURRENCY_RETRY_AFTER_MS = 1_000;

/** A concurrency verdict, with the outcome to report if the request is refused. */
export interface ConcurrencyCheck extends LimitOutcome {
  readonly unchanged: LimitOutcome;
}

/**
 * Whether one more lease fits `limit` slots of which `active` are taken; a lease that already
 * holds a slot (`held`) fits again without taking a second one.
 */
export function checkConcurrency(active: number, held: boolean, limit: number): ConcurrencyCheck {
  const unchanged: LimitOutcome = {
    fits: true,
    retryAfterMs: 0,
    tooLarge: false,
    remaining: Math.max(0, limit - active),
    resetMs: 0,
  };
  if (held || active < limit) {
    const remaining = Math.max(0, limit - active - (held ? 0 : 1));
    return { ...unchanged, remaining, unchanged };
  }
  const refused: LimitOutcome = {
    ...unchanged,
    fits: false,
    retryAfterMs: CONCURRENCY_RETRY_AFTER_MS,
  };
  return { ...refused, unchanged: refused };
}
