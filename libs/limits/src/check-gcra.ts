import { GCRA_EPSILON, LIMIT_PERIOD_US, ROUNDING_SLACK_MS } from './gcra-constants.js';
import type { LimitOutcome } from './limit-outcome.js';

/** A GCRA verdict, with the theoretical arrival time to store when the request is admitted. */
export interface GcraCheck extends LimitOutcome {
  /** The TAT after charging the cost (stored only if every limit of the request fits). */
  readonly chargedTatUs: number;
  /** The outcome to report when the request is refused (by this limit or another). */
  readonly unchanged: LimitOutcome;
}

/** Ms to wait for `us` µs, rounded up. */
export const ceilMs = (us: number): number => Math.max(0, Math.ceil(us / 1000 - ROUNDING_SLACK_MS));

/**
 * Units left and ms until full for a limit of `limit` per minute whose theoretical arrival time
 * is `tatUs` (absent or past: idle, full allowance).
 */
export function readGcra(tatUs: number | undefined, nowUs: number, limit: number): LimitOutcome {
  const emissionUs = LIMIT_PERIOD_US / limit;
  const aheadUs = Math.max(0, (tatUs ?? nowUs) - nowUs);
  const units = Math.floor((LIMIT_PERIOD_US - aheadUs) / emissionUs + GCRA_EPSILON);
  return {
    fits: true,
    retryAfterMs: 0,
    tooLarge: false,
    remaining: Math.min(limit, Math.max(0, units)),
    resetMs: ceilMs(aheadUs),
  };
}

/**
 * GCRA for a cost of `cost` units against `limit` units per minute: each unit moves the TAT one
 * emission interval (60 s / limit) on; the request fits while the TAT stays within one period
 * of now, so an idle limit takes a burst of exactly `limit` units and then refills smoothly.
 */
export function checkGcra(
  tatUs: number | undefined,
  nowUs: number,
  limit: number,
  cost: number,
): GcraCheck {
  const emissionUs = LIMIT_PERIOD_US / limit;
  const startUs = Math.max(tatUs ?? nowUs, nowUs);
  const chargedTatUs = startUs + cost * emissionUs;
  const waitUs = chargedTatUs - LIMIT_PERIOD_US - nowUs;
  const unchanged = readGcra(startUs, nowUs, limit);
  if (waitUs <= emissionUs * GCRA_EPSILON) {
    return { ...readGcra(chargedTatUs, nowUs, limit), chargedTatUs, unchanged };
  }
  const refused: LimitOutcome = {
    ...unchanged,
    fits: false,
    retryAfterMs: Math.max(1, ceilMs(waitUs)),
    tooLarge: cost > limit,
  };
  return { ...refused, chargedTatUs, unchanged: refused };
}

/**
 * The TAT after replacing a charge by one `deltaUnits` larger (negative: a refund). A refund
 * never moves the TAT before now: an idle limit cannot bank unused allowance.
 */
export function shiftGcra(
  tatUs: number | undefined,
  nowUs: number,
  limit: number,
  deltaUnits: number,
): number {
  const emissionUs = LIMIT_PERIOD_US / limit;
  return Math.max(nowUs, Math.max(tatUs ?? nowUs, nowUs) + deltaUnits * emissionUs);
}
