import { LIMIT_PERIOD_US } from '../gcra-constants.js';
import type { PlannedLimit } from '../planned-limit.js';

/** A key naming one limit's state, like the Redis key without its prefix. */
export const memoryLimitKey = (partition: string, limit: PlannedLimit): string =>
  `${partition}\u0000${limit.scope}\u0000${limit.kind}`;

/**
 * The in-memory counterpart of the Redis keys: a TAT per rate limit and a lease → expiry map per
 * concurrency limit. Entries past their expiry are ignored on read and swept once per period.
 */
export class MemoryLimitStore {
  readonly #tats = new Map<string, number>();
  readonly #slots = new Map<string, Map<string, number>>();
  #sweptAtUs = Number.NEGATIVE_INFINITY;

  /** The TAT of a rate limit, if one is stored and still ahead of now. */
  tat(key: string, nowUs: number): number | undefined {
    const tat = this.#tats.get(key);
    return tat !== undefined && tat > nowUs ? tat : undefined;
  }

  setTat(key: string, tatUs: number, nowUs: number): void {
    if (tatUs > nowUs) this.#tats.set(key, tatUs);
    else this.#tats.delete(key);
  }

  /** The unexpired slots of a concurrency limit (expired ones are dropped). */
  slots(key: string, nowUs: number): Map<string, number> {
    let slots = this.#slots.get(key);
    if (slots === undefined) {
      slots = new Map();
      this.#slots.set(key, slots);
    }
    for (const [leaseId, expiresAtUs] of slots) {
      if (expiresAtUs <= nowUs) slots.delete(leaseId);
    }
    return slots;
  }

  /** Drops a lease's slot; the empty map goes with it. */
  freeSlot(key: string, leaseId: string): void {
    const slots = this.#slots.get(key);
    if (slots === undefined) return;
    slots.delete(leaseId);
    if (slots.size === 0) this.#slots.delete(key);
  }

  /** Forgets everything expired, at most once per period, so idle scopes cost no memory. */
  sweep(nowUs: number): void {
    if (nowUs - this.#sweptAtUs < LIMIT_PERIOD_US) return;
    this.#sweptAtUs = nowUs;
    for (const [key, tat] of this.#tats) {
      if (tat <= nowUs) this.#tats.delete(key);
    }
    for (const [key, slots] of this.#slots) {
      for (const [leaseId, expiresAtUs] of slots) {
        if (expiresAtUs <= nowUs) slots.delete(leaseId);
      }
      if (slots.size === 0) this.#slots.delete(key);
    }
  }
}
