import type { PlannedLimit } from './planned-limit.js';

/**
 * Units of one limit that this replica charged in the store ahead of use: requests or tokens
 * for a rate limit, named slots for a concurrency limit. Requests drawn from it cost no round
 * trip; what is left is given back when it goes unused.
 */
export interface Allowance {
  readonly partition: string;
  readonly key: string;
  readonly limit: PlannedLimit;
  /** Requests or tokens charged in the store and not used here yet. */
  units: number;
  /** Slots held in the store and free here. */
  readonly freeSlots: string[];
  /** Slots held in the store and lent to requests in flight. */
  readonly lentSlots: Set<string>;
  /** What the store had left after the last grant, and when that was (ms, this clock). */
  storeRemaining: number;
  storeResetMs: number;
  readAt: number;
  usedAt: number;
  refreshedAt: number;
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
