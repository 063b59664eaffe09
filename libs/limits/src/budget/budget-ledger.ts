/**
 * One USD budget counter: a key's or a team's, for one period (its id names the period, e.g.
 * `key:<id>:month:2026-11`). A budget's amounts are bigint nano-USD, exact at any size (a
 * budget may be $99,999,999,999.999999999); one request's amounts are safe-integer numbers.
 */
export interface Budget {
  readonly id: string;
  readonly limitNanos: bigint;
  /** When the counter may be forgotten (the period's end plus a grace), ms since the epoch. */
  readonly expiresAtMs: number;
}

/** One request asking to reserve the most it can cost against every budget above it. */
export interface BudgetReservationRequest {
  /** Redis Cluster hash tag: the team (or key) id, as for rate limits. */
  readonly partition: string;
  readonly budgets: readonly Budget[];
  /** Cost known up front: the prompt estimate at the prompt price. */
  readonly fixedNanos: number;
  /** Cost of each completion token at the highest completion rate of the request's routes. */
  readonly perTokenNanos: number;
  /** The completion tokens the request may produce (its max_tokens or the model's cap). */
  readonly maxTokens: number;
  /** Fewer affordable tokens than this is a refusal rather than a clamped request. */
  readonly minTokens: number;
  readonly leaseId: string;
  /** A reservation not settled within this long is dropped (a dead gateway's requests). */
  readonly ttlMs: number;
}

/** One budget as it stands. */
export interface BudgetState {
  readonly id: string;
  readonly limitNanos: bigint;
  readonly spentNanos: bigint;
  /** Held by requests in flight. */
  readonly reservedNanos: bigint;
  /**
   * False when the counter is missing (a restarted or flushed store, a new period): its spend
   * is not zero but not known until it is seeded from the ledger; `spentNanos` then reads 0.
   */
  readonly known: boolean;
}

/** What a granted reservation holds; hand it to `settle` when the request ends. */
export interface BudgetHold {
  readonly partition: string;
  readonly leaseId: string;
  readonly budgets: readonly Budget[];
  readonly amountNanos: number;
  /** Granted unchecked while the store was unreachable (fail open): settle records nothing. */
  readonly degraded: boolean;
}

/** The answer to {@link BudgetLedger.reserve}. */
export type BudgetReservation =
  | {
      readonly granted: true;
      /** Completion tokens the request may use: `maxTokens`, or fewer when clamped. */
      readonly tokens: number;
      readonly hold: BudgetHold;
      readonly states: BudgetState[];
    }
  | {
      readonly granted: false;
      /** The budget that cannot afford the request. */
      readonly limitedBy: string;
      /** `spent`: the budget itself is used up; `reserved`: requests in flight hold the rest. */
      readonly reason: 'spent' | 'reserved';
      readonly states: BudgetState[];
    }
  | {
      readonly granted: false;
      /** Some counters are unknown: nothing was reserved; seed them (`raiseSpent`) and retry. */
      readonly reason: 'unknown';
      /** The ids of the unknown budgets. */
      readonly unknown: readonly string[];
    };

/**
 * Budgets as reserve → settle counters shared by every gateway (Redis) or in one process: a
 * reservation takes the request's maximum cost at admission, settle replaces it with the
 * actual cost, and reservations expire so a dead gateway cannot strand them.
 */
export interface BudgetLedger {
  /**
   * Reserves atomically against every budget, clamping tokens to what all of them afford. A
   * budget whose counter is missing is never taken for zero: the answer is `unknown`.
   */
  reserve(request: BudgetReservationRequest): Promise<BudgetReservation>;
  /** Replaces the hold by the actual cost (spent += actual; an unknown counter stays so). Never throws. */
  settle(hold: BudgetHold, actualNanos: number): Promise<void>;
  state(partition: string, budgets: readonly Budget[]): Promise<BudgetState[]>;
  /**
   * Seeds an unknown counter with the ledger's figure, or raises a known one to it when it is
   * behind; never lowers it (events still on their way are not in the ledger yet). Throws when
   * the store cannot be reached.
   */
  raiseSpent(partition: string, budget: Budget, spentNanos: bigint): Promise<void>;
}
