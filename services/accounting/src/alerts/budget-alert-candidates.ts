import type { BudgetAlertKind } from '@switchyard/db';

/** A budget as alerts see it: its limit and spend so far this period, in nano-USD. */
export interface BudgetSpend {
  limitNanos: bigint;
  spentNanos: bigint;
  /** Percent thresholds, any order. */
  thresholds: readonly number[];
  /** Whether a projected overspend is announced. */
  projected: boolean;
  /** The period's bounds; no end for an all-time budget (which is never projected). */
  periodStartMs: number;
  periodEndMs: number | undefined;
}

/** An alert the spend calls for (whether it was sent already is the database's to say). */
export interface BudgetAlertCandidate {
  kind: BudgetAlertKind;
  /** The percent crossed; 100 for a projection. */
  threshold: number;
  /** The spend projected to the period's end, for a projection. */
  projectedNanos?: bigint;
}

/**
 * The least share of a period that must have passed before its spend is projected: a burst in
 * the first minutes of a day says little about the day.
 */
export const MIN_PROJECTION_ELAPSED = 0.1;

/**
 * Which alerts a budget's spend calls for at `nowMs`: every threshold reached (spent ≥ limit ×
 * threshold %, exact in integers), and a projection when the spend, continued at its rate so far
 * to the period's end, passes the limit that has not been reached yet. A zero limit alerts on
 * nothing (the budget refuses every request; there is nothing to warn of).
 */
export function budgetAlertCandidates(spend: BudgetSpend, nowMs: number): BudgetAlertCandidate[] {
  const { limitNanos, spentNanos } = spend;
  if (limitNanos <= 0n) return [];
  const candidates: BudgetAlertCandidate[] = [...new Set(spend.thresholds)]
    .sort((a, b) => a - b)
    .filter((threshold) => spentNanos * 100n >= limitNanos * BigInt(threshold))
    .map((threshold) => ({ kind: 'threshold', threshold }));
  const projectedNanos = projectPeriodSpend(spend, nowMs);
  if (
    spend.projected &&
    projectedNanos !== undefined &&
    spentNanos < limitNanos &&
    projectedNanos > limitNanos
  ) {
    candidates.push({ kind: 'projected', threshold: 100, projectedNanos });
  }
  return candidates;
}

/**
 * The period's spend continued linearly to its end: spent × period length ÷ time elapsed.
 * Undefined for an all-time budget, and before {@link MIN_PROJECTION_ELAPSED} of the period passed.
 */
export function projectPeriodSpend(
  spend: Pick<BudgetSpend, 'spentNanos' | 'periodStartMs' | 'periodEndMs'>,
  nowMs: number,
): bigint | undefined {
  if (spend.periodEndMs === undefined) return undefined;
  const length = spend.periodEndMs - spend.periodStartMs;
  const elapsed = Math.min(nowMs, spend.periodEndMs) - spend.periodStartMs;
  if (length <= 0 || elapsed < length * MIN_PROJECTION_ELAPSED) return undefined;
  return (spend.spentNanos * BigInt(length)) / BigInt(elapsed);
}
