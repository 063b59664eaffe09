import { formatNanoUsd } from '@switchyard/contracts';
import {
  type BudgetHold,
  type BudgetLedger,
  type BudgetReservation,
  type BudgetState,
  LimiterUnavailableError,
} from '@switchyard/limits';
import { apiErrors } from '@switchyard/service-kit';
import type { Principal } from '../auth/principal.js';
import { budgetsOf, type PrincipalCurrentBudget } from './budgets-of.js';
import type { BudgetChecks } from './create-budget-checks.js';

/** A request's hold on its budgets; `settle` records what it actually cost. */
export interface BudgetAdmission {
  /** Completion tokens the budgets allow when fewer than asked (the request must be clamped). */
  readonly clampedMaxTokens: number | undefined;
  /** Settles to the actual cost (nano-USD), or to the whole hold when the cost is unknown. Idempotent. */
  settle(costNanos: number | undefined): void;
}

/** A small answer: below this many affordable completion tokens a request is refused, not clamped. */
const MIN_ANSWER_TOKENS = 16;
/** A reservation a gateway never settled (it died) is dropped after this. */
const HOLD_TTL_MS = 15 * 60_000;

const PERIOD_WORDS = { day: ' daily', month: ' monthly', total: '' } as const;

/** For requests whose principal has no budget. */
export const NO_BUDGET: BudgetAdmission = { clampedMaxTokens: undefined, settle: () => undefined };

/**
 * Reserves the most the request can cost — its prompt at the prompt price plus `maxTokens` at
 * the completion price — against the key's and team's budgets in one step. A request the budgets
 * cannot afford in full gets fewer tokens; one that cannot afford even a small answer is refused
 * with 402 `budget_exceeded` naming the budget (`limit_source`) and when it resets.
 */
export async function reserveBudget(
  checks: BudgetChecks,
  request: {
    principal: Principal;
    leaseId: string;
    now: number;
    fixedNanos: number;
    perTokenNanos: number;
    maxTokens: number;
  },
): Promise<BudgetAdmission> {
  const current = budgetsOf(request.principal, request.now);
  if (current.length === 0) return NO_BUDGET;
  const partition = request.principal.teamId ?? request.principal.keyId;
  const minTokens = Math.min(MIN_ANSWER_TOKENS, request.maxTokens);
  const smallest = {
    tokens: minTokens,
    nanos: request.fixedNanos + minTokens * request.perTokenNanos,
  };
  const reserve = () =>
    checks.ledger.reserve({
      partition,
      budgets: current.map((entry) => entry.budget),
      fixedNanos: request.fixedNanos,
      perTokenNanos: request.perTokenNanos,
      maxTokens: request.maxTokens,
      minTokens,
      leaseId: request.leaseId,
      ttlMs: HOLD_TTL_MS,
    });
  let result: BudgetReservation;
  try {
    result = await reserve();
    // A missing counter is unknown, never zero: seed it from the ledger, then try once more.
    if (!result.granted && result.reason === 'unknown') {
      const unknown = current.filter((entry) => isUnknown(result, entry));
      if (await checks.seed(partition, unknown)) result = await reserve();
    }
  } catch (error: unknown) {
    if (!(error instanceof LimiterUnavailableError)) throw error;
    checks.metrics.degraded('closed', 'budget');
    throw unavailable(error);
  }
  if (result.granted && !result.hold.degraded) {
    checks.gate.remember(result.states);
    return {
      clampedMaxTokens: result.tokens < request.maxTokens ? result.tokens : undefined,
      settle: settler(checks.ledger, result.hold),
    };
  }
  if (!result.granted && result.reason !== 'unknown') {
    checks.gate.remember(result.states);
    throw refusal(current, result, smallest);
  }
  const maxNanos = request.fixedNanos + request.maxTokens * request.perTokenNanos;
  return admitUnchecked(checks, current, { storeGranted: result.granted, smallest, maxNanos });
}

function isUnknown(result: BudgetReservation, entry: PrincipalCurrentBudget): boolean {
  return !result.granted && result.reason === 'unknown' && result.unknown.includes(entry.budget.id);
}

const unavailable = (cause?: unknown) =>
  apiErrors.unavailable('Budgets cannot be checked right now; retry shortly.', cause);

/**
 * The budgets cannot be checked: Redis failed (the ledger granted a degraded hold when failing
 * open) or a counter stayed unknown because the ledger could not be read. Failing closed is a
 * 503; failing open goes through this gateway's degraded gate: a budget last seen used up is
 * refused, and at most one unchecked request per budget runs at a time.
 */
function admitUnchecked(
  checks: BudgetChecks,
  current: readonly PrincipalCurrentBudget[],
  options: {
    storeGranted: boolean;
    smallest: { tokens: number; nanos: number };
    /** What the request may cost at most: what it counts for when its cost is unknown. */
    maxNanos: number;
  },
): BudgetAdmission {
  const { smallest } = options;
  if (checks.failMode === 'closed' && !options.storeGranted) {
    checks.metrics.degraded('closed', 'budget');
    throw unavailable();
  }
  const decision = checks.gate.admit(
    current.map((entry) => entry.budget),
    smallest.nanos,
  );
  if (decision.kind === 'exhausted') {
    throw refusal(
      current,
      { limitedBy: decision.state.id, reason: 'spent', states: [decision.state] },
      smallest,
    );
  }
  if (decision.kind === 'busy') {
    checks.metrics.degraded('closed', 'budget');
    throw unavailable();
  }
  checks.metrics.degraded('open', 'budget');
  return {
    clampedMaxTokens: undefined,
    settle: (costNanos) => decision.settle(costNanos ?? options.maxNanos),
  };
}

function settler(ledger: BudgetLedger, hold: BudgetHold): BudgetAdmission['settle'] {
  let settled = false;
  return (costNanos) => {
    if (settled) return;
    settled = true;
    void ledger.settle(hold, costNanos ?? hold.amountNanos);
  };
}

/**
 * The 402 for a refused reservation, saying what is true: the budget is used up, or what is left
 * cannot pay for the smallest answer (the prompt and a few completion tokens), or requests in
 * flight hold the rest.
 */
function refusal(
  current: readonly PrincipalCurrentBudget[],
  result: { limitedBy: string; reason: 'spent' | 'reserved'; states: readonly BudgetState[] },
  smallest: { tokens: number; nanos: number },
) {
  const entry = current.find((candidate) => candidate.budget.id === result.limitedBy) ?? current[0];
  const state = result.states.find((candidate) => candidate.id === result.limitedBy);
  const owner = entry?.source === 'team_budget' ? "Your team's" : "This key's";
  const budget = `${owner}${entry === undefined ? '' : PERIOD_WORDS[entry.period]} budget`;
  const resets = entry?.resetsAt ? ` It resets at ${entry.resetsAt}.` : '';
  const source = entry?.source ?? 'key_budget';
  const resetsAt = entry?.resetsAt ?? null;
  if (result.reason === 'reserved') {
    const held =
      state === undefined
        ? ''
        : ` ($${formatNanoUsd(state.spentNanos)} spent and $${formatNanoUsd(state.reservedNanos)} held of $${formatNanoUsd(state.limitNanos)})`;
    return apiErrors.budgetExceeded(
      `${budget} is held by requests in flight${held}; retry when they finish.${resets}`,
      'in_flight_reservation',
      resetsAt,
    );
  }
  if (state === undefined || state.spentNanos >= state.limitNanos) {
    const spent =
      state === undefined
        ? ''
        : ` ($${formatNanoUsd(state.spentNanos)} of $${formatNanoUsd(state.limitNanos)} spent)`;
    return apiErrors.budgetExceeded(
      `${budget} is used up${spent}.${resets} Ask an admin to raise it.`,
      source,
      resetsAt,
    );
  }
  const left = state.limitNanos - state.spentNanos;
  return apiErrors.budgetExceeded(
    `${budget} has $${formatNanoUsd(left)} left of $${formatNanoUsd(state.limitNanos)}, not enough for the ` +
      `${smallest.tokens} completion tokens a request needs at the least with this prompt ` +
      `($${formatNanoUsd(smallest.nanos)} at this model's price).${resets} Use a shorter prompt or a ` +
      'cheaper model, or ask an admin to raise the budget.',
    source,
    resetsAt,
  );
}
