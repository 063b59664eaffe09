import type { LimitOutcome } from './limit-outcome.js';
import type { PlannedLimit } from './planned-limit.js';
import type { ScopeState } from './scope-state.js';

interface MutableState {
  scope: string;
  limitRequests?: number;
  remainingRequests?: number;
  resetRequestsMs?: number;
  limitTokens?: number;
  remainingTokens?: number;
  resetTokensMs?: number;
  limitConcurrent?: number;
  remainingConcurrent?: number;
}

/** One state per scope that has limits, in the order the scopes were given. */
export function buildScopeStates(
  limits: readonly PlannedLimit[],
  outcomes: readonly LimitOutcome[],
): ScopeState[] {
  const states = new Map<string, MutableState>();
  limits.forEach((limit, index) => {
    const outcome = outcomes[index];
    if (outcome === undefined) return;
    let state = states.get(limit.scope);
    if (state === undefined) {
      state = { scope: limit.scope };
      states.set(limit.scope, state);
    }
    if (limit.kind === 'requests') {
      state.limitRequests = limit.limit;
      state.remainingRequests = outcome.remaining;
      state.resetRequestsMs = outcome.resetMs;
    } else if (limit.kind === 'tokens') {
      state.limitTokens = limit.limit;
      state.remainingTokens = outcome.remaining;
      state.resetTokensMs = outcome.resetMs;
    } else {
      state.limitConcurrent = limit.limit;
      state.remainingConcurrent = outcome.remaining;
    }
  });
  return [...states.values()];
}
