import type { BudgetLedger, BudgetState } from '@switchyard/limits';
import type { AdmissionMetrics } from './admission-metrics.js';
import type { PrincipalCurrentBudget } from './budgets-of.js';
import {
  createDegradedBudgetGate,
  type DegradedBudgetGate,
} from './create-degraded-budget-gate.js';

/** What a key or team spent since a period's start, from the ledger (nano-USD). */
export type LedgerSpend = (
  owner: PrincipalCurrentBudget['owner'],
  sinceMs: number,
) => Promise<bigint>;

/** The gateway's budgets: the shared counters, how to seed them, and what to do without them. */
export interface BudgetChecks {
  readonly ledger: BudgetLedger;
  readonly failMode: 'open' | 'closed';
  readonly metrics: AdmissionMetrics;
  readonly gate: DegradedBudgetGate;
  /**
   * Seeds the unknown counters among `entries` from the ledger (raise-only, so a counter
   * another gateway seeded and charged meanwhile is kept). False when the ledger or the store
   * could not be read; counted either way.
   */
  seed(partition: string, entries: readonly PrincipalCurrentBudget[]): Promise<boolean>;
  /** The budgets as they stand for GET /v1/key, unknown counters seeded first. */
  state(partition: string, entries: readonly PrincipalCurrentBudget[]): Promise<BudgetState[]>;
}

/** A ledger read slower than this counts as failed: the request must not wait on Postgres. */
const SEED_TIMEOUT_MS = 2_000;

export function createBudgetChecks(options: {
  ledger: BudgetLedger;
  failMode: 'open' | 'closed';
  metrics: AdmissionMetrics;
  ledgerSpend: LedgerSpend;
}): BudgetChecks {
  const { ledger, metrics } = options;
  const gate = createDegradedBudgetGate();
  /** One ledger read per counter at a time, however many requests find it unknown at once. */
  const seeding = new Map<string, Promise<boolean>>();
  const seedOne = async (partition: string, entry: PrincipalCurrentBudget) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('ledger read timed out')), SEED_TIMEOUT_MS);
    });
    let spent: bigint;
    try {
      spent = await Promise.race([options.ledgerSpend(entry.owner, entry.periodStartMs), timeout]);
    } catch {
      // Postgres unreadable: counted here and, for the request, as a degraded budget check.
      metrics.budgetSeed('failed');
      return false;
    } finally {
      clearTimeout(timer);
    }
    try {
      await ledger.raiseSpent(partition, entry.budget, spent);
      metrics.budgetSeed('seeded');
      return true;
    } catch (error: unknown) {
      metrics.budgetSeed('failed');
      metrics.storeError(error);
      return false;
    }
  };
  const seed = async (partition: string, entries: readonly PrincipalCurrentBudget[]) => {
    const results = await Promise.all(
      entries.map((entry) => {
        const key = `${partition}:${entry.budget.id}`;
        let running = seeding.get(key);
        if (running === undefined) {
          running = seedOne(partition, entry).finally(() => seeding.delete(key));
          seeding.set(key, running);
        }
        return running;
      }),
    );
    return results.every(Boolean);
  };
  return {
    ledger,
    failMode: options.failMode,
    metrics,
    gate,
    seed,
    async state(partition, entries) {
      const budgets = entries.map((entry) => entry.budget);
      let states = await ledger.state(partition, budgets);
      const unknown = entries.filter((_, index) => states[index]?.known === false);
      if (unknown.length > 0 && (await seed(partition, unknown))) {
        states = await ledger.state(partition, budgets);
      }
      gate.remember(states);
      return states;
    },
  };
}
