import type { Candidate } from '../routing/plan-candidates.js';
import { ratesOf } from '../usage/rates-of.js';

/**
 * The highest per-token prices among the routes a request may take, in nano-USD: a budget
 * reservation must cover whichever route ends up answering (a fallback may cost more).
 *
 * A prompt token is bounded by the dearest input-side rate, cache writes included, for every
 * request: whether one writes a cache (and for how long) is said by `cache_control` marks
 * anywhere in a body (system, tools, turns, top level of a passed-through one, `ttl` inside
 * them) or by an upstream that caches on its own, so guessing from the body could only miss a
 * case and let a hard budget be overrun. Routes without cache-write rates are bounded at the
 * prompt rate as before; the excess held for the others is returned when the request settles.
 */
export function priceBoundsOf(candidates: readonly Candidate[]): {
  promptNanos: number;
  completionNanos: number;
} {
  let promptNanos = 0;
  let completionNanos = 0;
  for (const { route } of candidates) {
    const rates = ratesOf(route.pricing);
    promptNanos = Math.max(promptNanos, rates.promptCeilingNanos);
    completionNanos = Math.max(completionNanos, rates.completionNanos, rates.reasoningNanos);
  }
  return { promptNanos, completionNanos };
}
