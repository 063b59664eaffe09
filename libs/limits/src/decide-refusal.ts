import type { LimitKind } from './limit-kind.js';
import type { LimitOutcome } from './limit-outcome.js';
import type { PlannedLimit } from './planned-limit.js';

/** Why a request is refused: the limit keeping it out longest. */
export interface Refusal {
  readonly limitedBy: { readonly scope: string; readonly limit: LimitKind };
  readonly retryAfterMs: number;
  readonly tooLarge: boolean;
}

/**
 * The refusal for `outcomes` (one per planned limit, same order), or undefined when every limit
 * fits. A limit the request can never fit wins; otherwise the longest wait, since the request
 * needs every limit to have room at once.
 */
export function decideRefusal(
  limits: readonly PlannedLimit[],
  outcomes: readonly LimitOutcome[],
): Refusal | undefined {
  let refusal: Refusal | undefined;
  limits.forEach((limit, index) => {
    const outcome = outcomes[index];
    if (outcome === undefined || outcome.fits) return;
    const candidate: Refusal = {
      limitedBy: { scope: limit.scope, limit: limit.kind },
      retryAfterMs: outcome.retryAfterMs,
      tooLarge: outcome.tooLarge,
    };
    if (
      refusal === undefined ||
      (candidate.tooLarge && !refusal.tooLarge) ||
      (candidate.tooLarge === refusal.tooLarge && candidate.retryAfterMs > refusal.retryAfterMs)
    ) {
      refusal = candidate;
    }
  });
  return refusal;
}
