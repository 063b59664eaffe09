import type { Allowance, Drawn, GiveBack } from './allowance.js';
import type { LimitOutcome } from './limit-outcome.js';
import type { PlannedLimit } from './planned-limit.js';

/** Options of {@link createAllowances}. */
export interface AllowanceOptions {
  /** The share of a limit a replica charges ahead at most (0.01: one hundredth). */
  share: number;
  /** Unused for this long, an allowance is given back (ms). */
  idleMs: number;
  /** The slot TTL: held slots are renewed every quarter of it. */
  slotTtlMs: number;
  now: () => number;
}

/** A rate limit regains one unit every `period / limit` µs. */
const PERIOD_US = 60_000_000;
/** An allowance smaller than this is not worth its bookkeeping: such limits go to the store. */
const MIN_BLOCK = 2;

/** The units one request needs of `limit`. */
const need = (limit: PlannedLimit, tokens: number): number =>
  limit.kind === 'tokens' ? tokens : 1;

/**
 * This replica's allowances, one per limit key: drawing, topping up from the store's grants,
 * settling ended requests, and choosing what to give back (idle) or renew (slots).
 */
export function createAllowances(options: AllowanceOptions) {
  const { share, idleMs, slotTtlMs, now } = options;
  const live = new Map<string, Allowance>();
  /** Retired allowances whose slots are still lent: their slots must stay alive. */
  const retiredLending = new Set<Allowance>();
  /** Units asked of the store by admissions still waiting for its answer, per key. */
  const pending = new Map<string, number>();
  const blockOf = (limit: PlannedLimit): number => Math.floor(limit.limit * share);

  const current = (key: string, limit: PlannedLimit): Allowance | undefined => {
    const allowance = live.get(key);
    return allowance !== undefined && allowance.limit.limit === limit.limit ? allowance : undefined;
  };

  const hasRoom = (allowance: Allowance | undefined, units: number): allowance is Allowance =>
    allowance !== undefined &&
    (allowance.limit.kind === 'concurrency'
      ? allowance.freeSlots.length > 0
      : allowance.units >= units);

  const retire = (allowance: Allowance): GiveBack | undefined => {
    allowance.retired = true;
    if (live.get(allowance.key) === allowance) live.delete(allowance.key);
    if (allowance.lentSlots.size > 0) retiredLending.add(allowance);
    const giveBack = {
      limit: allowance.limit,
      units: allowance.units,
      slots: allowance.freeSlots.splice(0),
    };
    allowance.units = 0;
    return giveBack.units === 0 && giveBack.slots.length === 0 ? undefined : giveBack;
  };

  /** The outcome the headers show: the store's view plus what this replica holds unused. */
  const localOutcome = (allowance: Allowance, at: number): LimitOutcome => {
    const elapsed = Math.max(0, at - allowance.readAt);
    const { limit } = allowance;
    if (limit.kind === 'concurrency') {
      const remaining = Math.min(
        limit.limit,
        allowance.storeRemaining + allowance.freeSlots.length,
      );
      return { fits: true, retryAfterMs: 0, tooLarge: false, remaining, resetMs: 0 };
    }
    // The store's TAT counts the held units as spent; the headers count them as left.
    const refilled = Math.floor((elapsed * 1_000 * limit.limit) / PERIOD_US);
    const remaining = Math.min(limit.limit, allowance.storeRemaining + refilled + allowance.units);
    const heldMs = (allowance.units * PERIOD_US) / 1_000 / limit.limit;
    const resetMs = Math.max(0, Math.ceil(allowance.storeResetMs - elapsed - heldMs));
    return { fits: true, retryAfterMs: 0, tooLarge: false, remaining, resetMs };
  };

  return {
    /** Whether anything is ever charged ahead (a share above 0). */
    enabled: share > 0,

    /** Whether every limit is large enough to be charged ahead (else all go to the store). */
    covers(limits: readonly PlannedLimit[]): boolean {
      return share > 0 && limits.every((limit) => blockOf(limit) >= MIN_BLOCK);
    },

    /**
     * Takes one request's units from the allowances when every limit has room, all or none;
     * undefined sends the request to the store.
     */
    draw(
      keys: readonly string[],
      limits: readonly PlannedLimit[],
      tokens: number,
    ): { drawn: Drawn; outcomes: LimitOutcome[] } | undefined {
      const found: Allowance[] = [];
      for (let index = 0; index < limits.length; index += 1) {
        const limit = limits[index] as PlannedLimit;
        const allowance = current(keys[index] as string, limit);
        if (!hasRoom(allowance, need(limit, tokens))) return undefined;
        found.push(allowance);
      }
      const at = now();
      const tokenAllowances: Allowance[] = [];
      const slots: { allowance: Allowance; name: string }[] = [];
      const outcomes = found.map((allowance) => {
        allowance.usedAt = at;
        if (allowance.limit.kind === 'concurrency') {
          const name = allowance.freeSlots.pop() as string;
          allowance.lentSlots.add(name);
          slots.push({ allowance, name });
        } else {
          allowance.units -= need(allowance.limit, tokens);
          if (allowance.limit.kind === 'tokens') tokenAllowances.push(allowance);
        }
        return localOutcome(allowance, at);
      });
      return { drawn: { tokens: tokenAllowances, slots }, outcomes };
    },

    /**
     * Empties the rate and token allowances too small for this request: per limit, the units
     * the store should take back before it checks the request (0: none), so the request is
     * judged on everything this replica holds.
     */
    handBack(keys: readonly string[], limits: readonly PlannedLimit[], tokens: number): number[] {
      return limits.map((limit, index) => {
        const allowance = current(keys[index] as string, limit);
        if (allowance === undefined || limit.kind === 'concurrency') return 0;
        if (allowance.units >= need(limit, tokens)) return 0;
        const units = allowance.units;
        allowance.units = 0;
        return units;
      });
    },

    /**
     * Per limit, the units to ask the store for on top of the request (0: none), counting what
     * admissions already on their way asked for; hand them to {@link settleWants} on the reply.
     */
    wants(keys: readonly string[], limits: readonly PlannedLimit[], tokens: number): number[] {
      return limits.map((limit, index) => {
        const key = keys[index] as string;
        const allowance = current(key, limit);
        const held =
          allowance === undefined
            ? 0
            : limit.kind === 'concurrency'
              ? allowance.freeSlots.length
              : allowance.units;
        const asked = pending.get(key) ?? 0;
        const want = Math.max(0, Math.max(blockOf(limit), need(limit, tokens)) - held - asked);
        if (want > 0) pending.set(key, asked + want);
        return want;
      });
    },

    /** The admission that asked for `wants` has its answer (or none). */
    settleWants(keys: readonly string[], wants: readonly number[]): void {
      wants.forEach((want, index) => {
        if (want === 0) return;
        const key = keys[index] as string;
        const left = (pending.get(key) ?? 0) - want;
        if (left > 0) pending.set(key, left);
        else pending.delete(key);
      });
    },

    /**
     * Adds what the store granted (slots named `prefix` 1…n) and returns the outcomes with the
     * held units counted as remaining, and anything a changed limit retired.
     */
    grant(
      partition: string,
      keys: readonly string[],
      limits: readonly PlannedLimit[],
      grants: { outcomes: readonly LimitOutcome[]; granted: readonly number[]; prefix: string },
    ): { outcomes: LimitOutcome[]; retired: GiveBack[] } {
      const at = now();
      const retired: GiveBack[] = [];
      const outcomes = limits.map((limit, index) => {
        const key = keys[index] as string;
        const outcome = grants.outcomes[index] as LimitOutcome;
        const granted = grants.granted[index] ?? 0;
        let allowance = live.get(key);
        if (allowance !== undefined && allowance.limit.limit !== limit.limit) {
          const giveBack = retire(allowance);
          if (giveBack !== undefined) retired.push(giveBack);
          allowance = undefined;
        }
        if (allowance === undefined) {
          if (granted === 0) return outcome;
          allowance = {
            partition,
            key,
            limit,
            units: 0,
            freeSlots: [],
            lentSlots: new Set(),
            storeRemaining: 0,
            storeResetMs: 0,
            readAt: at,
            usedAt: at,
            refreshedAt: at,
            retired: false,
          };
          live.set(key, allowance);
        }
        if (limit.kind === 'concurrency') {
          for (let n = 1; n <= granted; n += 1) allowance.freeSlots.push(`${grants.prefix}${n}`);
        } else {
          allowance.units += granted;
        }
        allowance.storeRemaining = outcome.remaining;
        allowance.storeResetMs = outcome.resetMs;
        allowance.readAt = at;
        allowance.usedAt = at;
        const { remaining, resetMs } = localOutcome(allowance, at);
        return { ...outcome, remaining, resetMs };
      });
      return { outcomes, retired };
    },

    /** `outcomes` (refusals, `state`) with this replica's unused units counted as remaining. */
    withHeld(keys: readonly string[], outcomes: readonly LimitOutcome[]): LimitOutcome[] {
      return outcomes.map((outcome, index) => {
        const allowance = live.get(keys[index] as string);
        if (allowance === undefined) return outcome;
        const held =
          allowance.limit.kind === 'concurrency' ? allowance.freeSlots.length : allowance.units;
        return held === 0
          ? outcome
          : { ...outcome, remaining: Math.min(allowance.limit.limit, outcome.remaining + held) };
      });
    },

    /**
     * Settles a drawn request: `delta` tokens (actual − charged) and, when `releaseSlots`, its
     * slots. What a live allowance can absorb stays here; the rest is for the store.
     */
    settle(drawn: Drawn, delta: number, releaseSlots: boolean): GiveBack[] {
      const remote: GiveBack[] = [];
      if (delta !== 0) {
        for (const allowance of drawn.tokens) {
          if (!allowance.retired && allowance.units >= delta) allowance.units -= delta;
          else remote.push({ limit: allowance.limit, units: -delta, slots: [] });
        }
      }
      if (releaseSlots) {
        for (const { allowance, name } of drawn.slots) {
          if (!allowance.lentSlots.delete(name)) continue;
          if (!allowance.retired) {
            allowance.freeSlots.push(name);
            continue;
          }
          if (allowance.lentSlots.size === 0) retiredLending.delete(allowance);
          remote.push({ limit: allowance.limit, units: 0, slots: [name] });
        }
      }
      return remote;
    },

    /** Retires the allowances unused for `idleMs` (all of them when `all`): what to give back. */
    collect(all: boolean): { partition: string; giveBack: GiveBack }[] {
      const at = now();
      const collected: { partition: string; giveBack: GiveBack }[] = [];
      for (const allowance of [...live.values()]) {
        if (!all && at - allowance.usedAt < idleMs) continue;
        const giveBack = retire(allowance);
        if (giveBack !== undefined) collected.push({ partition: allowance.partition, giveBack });
      }
      return collected;
    },

    /** Slots held (free or lent) whose expiry is due for renewal, marked renewed now. */
    slotsToRenew(): { partition: string; key: string; slots: string[] }[] {
      const at = now();
      const due: { partition: string; key: string; slots: string[] }[] = [];
      for (const allowance of [...live.values(), ...retiredLending]) {
        if (allowance.limit.kind !== 'concurrency' || at - allowance.refreshedAt < slotTtlMs / 4) {
          continue;
        }
        allowance.refreshedAt = at;
        const slots = [...allowance.freeSlots, ...allowance.lentSlots];
        if (slots.length > 0)
          due.push({ partition: allowance.partition, key: allowance.key, slots });
      }
      return due;
    },
  };
}

/** This replica's allowances. */
export type Allowances = ReturnType<typeof createAllowances>;
