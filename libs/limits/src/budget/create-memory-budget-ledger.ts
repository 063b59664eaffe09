import type { Budget, BudgetLedger, BudgetState } from './budget-ledger.js';
import { decideBudgetGrant } from './decide-budget-grant.js';

interface Counter {
  /** Undefined until seeded: a counter this process never saw is unknown, not zero. */
  spent: bigint | undefined;
  expiresAtMs: number;
  /** Lease id → amount and expiry of its reservation. */
  leases: Map<string, { amount: number; expiresAtMs: number }>;
}

/** Budgets in this process only (standalone mode); the same behaviour as the Redis ledger. */
export function createMemoryBudgetLedger(options: { now?: () => number } = {}): BudgetLedger {
  const now = options.now ?? Date.now;
  const counters = new Map<string, Counter>();
  const counterOf = (partition: string, budget: Budget): Counter => {
    const key = `${partition}:${budget.id}`;
    let counter = counters.get(key);
    if (counter === undefined || counter.expiresAtMs <= now()) {
      counter = { spent: undefined, expiresAtMs: budget.expiresAtMs, leases: new Map() };
      counters.set(key, counter);
    }
    return counter;
  };
  const stateOf = (counter: Counter, budget: Budget): BudgetState => {
    let reserved = 0n;
    for (const [lease, hold] of counter.leases) {
      if (hold.expiresAtMs <= now()) counter.leases.delete(lease);
      else reserved += BigInt(hold.amount);
    }
    return {
      id: budget.id,
      limitNanos: budget.limitNanos,
      spentNanos: counter.spent ?? 0n,
      reservedNanos: reserved,
      known: counter.spent !== undefined,
    };
  };
  return {
    async reserve(request) {
      const counters = request.budgets.map((budget) => counterOf(request.partition, budget));
      const states = counters.map((counter, index) =>
        stateOf(counter, request.budgets[index] as Budget),
      );
      const unknown = states.filter((state) => !state.known).map((state) => state.id);
      if (unknown.length > 0) return { granted: false, reason: 'unknown', unknown };
      const decision = decideBudgetGrant(states, request);
      if (!decision.granted) return { ...decision, states };
      const amount = request.fixedNanos + decision.tokens * request.perTokenNanos;
      for (const counter of counters) {
        counter.leases.set(request.leaseId, { amount, expiresAtMs: now() + request.ttlMs });
      }
      return {
        granted: true,
        tokens: decision.tokens,
        hold: {
          partition: request.partition,
          leaseId: request.leaseId,
          budgets: request.budgets,
          amountNanos: amount,
          degraded: false,
        },
        states: states.map((state) => ({
          ...state,
          reservedNanos: state.reservedNanos + BigInt(amount),
        })),
      };
    },
    async settle(hold, actualNanos) {
      if (hold.degraded) return;
      for (const budget of hold.budgets) {
        const counter = counterOf(hold.partition, budget);
        counter.leases.delete(hold.leaseId);
        if (counter.spent !== undefined) {
          counter.spent += BigInt(Math.max(0, Math.ceil(actualNanos)));
        }
      }
    },
    async state(partition, budgets) {
      return budgets.map((budget) => stateOf(counterOf(partition, budget), budget));
    },
    async raiseSpent(partition, budget, spentNanos) {
      const counter = counterOf(partition, budget);
      if (counter.spent === undefined || spentNanos > counter.spent) counter.spent = spentNanos;
    },
  };
}
