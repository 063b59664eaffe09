import type { Budget, BudgetState } from '@switchyard/limits';

/** The gate's answer for a request whose budgets cannot be checked in the shared store. */
export type DegradedBudgetDecision =
  | { readonly kind: 'admitted'; settle(costNanos: number): void }
  /** This process last saw the budget too spent to afford the request's smallest answer. */
  | { readonly kind: 'exhausted'; readonly state: BudgetState }
  /** Another unchecked request of the same budget is still running on this gateway. */
  | { readonly kind: 'busy' };

/**
 * What a gateway does with budgets while the shared counters cannot be checked (Redis
 * unreachable, or a counter unknown and the ledger unreadable) and it fails open: remembers
 * each budget's last checked spend, refuses a budget it last saw used up, and otherwise lets
 * at most one request per budget run at a time, adding its cost to what it remembers.
 */
export interface DegradedBudgetGate {
  /** The states a checked reservation (or refusal, or GET /v1/key) reported. */
  remember(states: readonly BudgetState[]): void;
  admit(budgets: readonly Budget[], smallestNanos: number): DegradedBudgetDecision;
}

/** Budgets remembered per process; the oldest are forgotten past this. */
const MAX_REMEMBERED = 50_000;

export function createDegradedBudgetGate(): DegradedBudgetGate {
  /** Budget id → the highest spend seen (counters only grow within a period). */
  const spent = new Map<string, bigint>();
  const running = new Set<string>();
  const record = (id: string, nanos: bigint) => {
    const previous = spent.get(id);
    if (previous !== undefined && previous >= nanos) return;
    spent.delete(id);
    spent.set(id, nanos);
    if (spent.size > MAX_REMEMBERED) {
      const oldest = spent.keys().next().value;
      if (oldest !== undefined) spent.delete(oldest);
    }
  };
  return {
    remember(states) {
      for (const state of states) if (state.known) record(state.id, state.spentNanos);
    },
    admit(budgets, smallestNanos) {
      for (const budget of budgets) {
        const known = spent.get(budget.id);
        if (known !== undefined && known + BigInt(Math.ceil(smallestNanos)) > budget.limitNanos) {
          const state = {
            id: budget.id,
            limitNanos: budget.limitNanos,
            spentNanos: known,
            reservedNanos: 0n,
            known: true,
          };
          return { kind: 'exhausted', state };
        }
      }
      if (budgets.some((budget) => running.has(budget.id))) return { kind: 'busy' };
      for (const budget of budgets) running.add(budget.id);
      let settled = false;
      return {
        kind: 'admitted',
        settle(costNanos) {
          if (settled) return;
          settled = true;
          const cost = BigInt(Math.max(0, Math.ceil(costNanos)));
          for (const budget of budgets) {
            running.delete(budget.id);
            record(budget.id, (spent.get(budget.id) ?? 0n) + cost);
          }
        },
      };
    },
  };
}
