import type { Candidate } from '../routing/plan-candidates.js';
import { ratesOf } from '../usage/rates-of.js';

/**
 * The highest per-token prices among the routes a request may take, in nano-USD: a budget
 * reservation must cover whichever route ends up answering (a fallback may cost more).
 */
export function priceBoundsOf(candidates: readonly Candidate[]): {
  promptNanos: number;
  completionNanos: number;
} {
  let promptNanos = 0;
  let completionNanos = 0;
  for (const { route } of candidates) {
    const rates = ratesOf(route.pricing);
    promptNanos = Math.max(promptNanos, rates.promptNanos);
    completionNanos = Math.max(completionNanos, rates.completionNanos, rates.reasoningNanos);
  }
  return { promptNanos, completionNanos };
}
