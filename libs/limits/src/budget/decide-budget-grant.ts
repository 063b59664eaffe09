import type { BudgetState } from './budget-ledger.js';

/**
 * Tokens each budget affords after its fixed cost; -1 when not even the fixed cost fits. In
 * bigint: a budget's counters may be far past what a double holds exactly.
 */
function affordableTokens(
  state: BudgetState,
  fixedNanos: number,
  perTokenNanos: number,
  maxTokens: number,
): number {
  const available = state.limitNanos - state.spentNanos - state.reservedNanos;
  const fixed = BigInt(Math.ceil(fixedNanos));
  if (available < fixed) return -1;
  if (perTokenNanos <= 0) return maxTokens;
  const tokens = (available - fixed) / BigInt(Math.ceil(perTokenNanos));
  return tokens < BigInt(maxTokens) ? Number(tokens) : maxTokens;
}

/**
 * The grant for a reservation given each budget's state: the tokens every budget affords, or
 * the budget that refuses and why. Shared by the in-memory ledger and mirrored by the Lua script.
 */
export function decideBudgetGrant(
  states: readonly BudgetState[],
  request: { fixedNanos: number; perTokenNanos: number; maxTokens: number; minTokens: number },
):
  | { granted: true; tokens: number }
  | { granted: false; limitedBy: string; reason: 'spent' | 'reserved' } {
  let tokens = request.maxTokens;
  let limiting: BudgetState | undefined;
  for (const state of states) {
    const affordable = affordableTokens(
      state,
      request.fixedNanos,
      request.perTokenNanos,
      request.maxTokens,
    );
    if (affordable < tokens) {
      tokens = affordable;
      limiting = state;
    }
  }
  if (tokens >= request.minTokens || limiting === undefined) return { granted: true, tokens };
  const withoutReservations = affordableTokens(
    { ...limiting, reservedNanos: 0n },
    request.fixedNanos,
    request.perTokenNanos,
    request.maxTokens,
  );
  return {
    granted: false,
    limitedBy: limiting.id,
    reason: withoutReservations >= request.minTokens ? 'reserved' : 'spent',
  };
}
