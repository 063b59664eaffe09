import { LIMIT_PERIOD_US } from './gcra-constants.js';
import type { LimitOutcome } from './limit-outcome.js';
import type { PlannedLimit } from './planned-limit.js';

/**
 * Units of one limit that this replica charged in the store ahead of use: requests or tokens
 * for a rate limit, named slots for a concurrency limit. Requests drawn from it cost no round
 * trip; what is left is given back when it goes unused.
 */
export interface Allowance {
  readonly partition: string;
  /** The limit's key in the store. */
  readonly key: string;
  readonly limit: PlannedLimit;
  /**
   * Rate and token limits: units charged in the store and not used here yet. The grant sits at
   * the top of the limit's TAT, whose reset was `storeResetMs` at `readAt`: at time t only
   * `(readAt + storeResetMs − t) / unit ms` of them are still charged; the rest are dropped.
   */
  units: number;
  /** Concurrency limits: slots held in the store and free here. */
  readonly freeSlots: string[];
  /** Concurrency limits: slots held in the store and lent to requests in flight, with when. */
  readonly lentSlots: Map<string, number>;
  /** What the store had left after the last grant, and its reset, read at `readAt` (ms). */
  storeRemaining: number;
  storeResetMs: number;
  readAt: number;
  /** When a request last drew from it or a grant added to it (ms). */
  usedAt: number;
  /** When its slots were last renewed in the store (ms). */
  renewedAt: number;
  /** Given back or replaced: lent slots go back to the store itself, not here. */
  retired: boolean;
}

/** What a replica hands back to the store for one limit (of a partition known to the caller). */
export interface GiveBack {
  readonly limit: PlannedLimit;
  /** Rate and token limits: units to take off the charge (negative: to charge). */
  readonly units: number;
  /** Concurrency limits: the slots to free. */
  readonly slots: readonly string[];
}

/** The allowances a request was admitted from, to settle when it ends. */
export interface Drawn {
  /** One per TPM limit of the lease, in its order. */
  readonly tokens: readonly Allowance[];
  /** One per concurrency limit of the lease, in its order, with the slot lent. */
  readonly slots: readonly { readonly allowance: Allowance; readonly name: string }[];
}

/** How long one unit of a rate or token limit keeps a charge (ms). */
export const unitMs = (limit: PlannedLimit): number => LIMIT_PERIOD_US / 1_000 / limit.limit;

/**
 * The units still usable at `at`: held ones whose charge has drained are dropped first, as a
 * unit used after its charge drained would be one the store no longer counts.
 */
export function heldUnits(allowance: Allowance, at: number): number {
  if (allowance.limit.kind === 'concurrency') return allowance.freeSlots.length;
  const chargedUntil = allowance.readAt + allowance.storeResetMs;
  const charged = Math.floor((chargedUntil - at) / unitMs(allowance.limit));
  if (allowance.units > charged) allowance.units = Math.max(0, charged);
  return allowance.units;
}

/** The outcome the headers show at `at`: the store's view plus what this replica holds unused. */
export function outcomeOf(allowance: Allowance, at: number): LimitOutcome {
  const { limit } = allowance;
  const held = heldUnits(allowance, at);
  if (limit.kind === 'concurrency') {
    const remaining = Math.min(limit.limit, allowance.storeRemaining + held);
    return { fits: true, retryAfterMs: 0, tooLarge: false, remaining, resetMs: 0 };
  }
  // The store's TAT counts the held units as spent, and refills as time passes.
  const elapsed = Math.max(0, at - allowance.readAt);
  const refilled = Math.floor(elapsed / unitMs(limit));
  const remaining = Math.min(limit.limit, allowance.storeRemaining + refilled + held);
  const resetMs = Math.max(0, Math.ceil(allowance.storeResetMs - elapsed - held * unitMs(limit)));
  return { fits: true, retryAfterMs: 0, tooLarge: false, remaining, resetMs };
}

/** An empty allowance of `limit` at `key`, created at `at` (ms). */
export function newAllowance(
  partition: string,
  key: string,
  limit: PlannedLimit,
  at: number,
): Allowance {
  return {
    partition,
    key,
    limit,
    units: 0,
    freeSlots: [],
    lentSlots: new Map(),
    storeRemaining: 0,
    storeResetMs: 0,
    readAt: at,
    usedAt: at,
    renewedAt: at,
    retired: false,
  };
}
