import { parseUsd, toNanoUsd } from '@switchyard/contracts';
import type { Candidate } from '../routing/plan-candidates.js';

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
    const { pricing } = route;
    promptNanos = Math.max(promptNanos, nanosOf(pricing.prompt));
    completionNanos = Math.max(
      completionNanos,
      nanosOf(pricing.completion),
      pricing.reasoning === undefined ? 0 : nanosOf(pricing.reasoning),
    );
  }
  return { promptNanos, completionNanos };
}

/** A per-token price in nano-USD: a few thousand at most, a safe number. */
function nanosOf(price: string): number {
  return Number(toNanoUsd(parseUsd(price)));
}
