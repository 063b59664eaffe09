import {
  type Allowance,
  type Drawn,
  type GiveBack,
  heldUnits,
  newAllowance,
  outcomeOf,
} from './allowance.js';
import type { LimitOutcome } from './limit-outcome.js';
import type { PlannedLimit } from './planned-limit.js';

/** Options of {@link createAllowances}. */
export interface AllowanceOptions {
  /** The share of a limit a replica charges ahead at most (0.01: one hundredth). */
  share: number;
  /** Unused for this long, an allowance is given back (ms). */
  idleMs: number;
  /** The slot TTL: held slots are renewed every quarter of it, lent ones for one TTL at most. */
  slotTtlMs: number;
  /** A monotonic clock in ms. */
  now: () => number;
}

/** Slots of one concurrency limit to renew in the store. */
export interface SlotRenewal {
  readonly partition: string;
  readonly key: string;
  readonly slots: readonly string[];
  readonly allowance: Allowance;
}

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
  let closed = false;
  const blockOf = (limit: PlannedLimit): number => Math.floor(limit.limit * share);

  const current = (key: string, limit: PlannedLimit): Allowance | undefined => {
    const allowance = live.get(key);
    return allowance !== undefined && allowance.limit.limit === limit.limit ? allowance : undefined;
  };

  const retire = (allowance: Allowance, at: number): GiveBack | undefined => {
    const units = heldUnits(allowance, at);
    allowance.retired = true;
    allowance.units = 0;
    if (live.get(allowance.key) === allowance) live.delete(allowance.key);
    if (allowance.lentSlots.size > 0) retiredLending.add(allowance);
    const slots = allowance.freeSlots.splice(0);
    if (allowance.limit.kind === 'concurrency') {
      return slots.length === 0 ? undefined : { limit: allowance.limit, units: 0, slots };
    }
    return units === 0 ? undefined : { limit: allowance.limit, units, slots: [] };
  };

  return {
    /** Whether anything is ever charged ahead (a share above 0). */
    enabled: share > 0,

    /**
     * Whether this request's limits are charged ahead: every one must be worth 2 units or more
     * and need no more than its share (larger requests are judged by the store alone).
     */
    covers(limits: readonly PlannedLimit[], tokens: number): boolean {
      if (closed || share === 0) return false;
      return limits.every((limit) => {
        const block = blockOf(limit);
        return block >= MIN_BLOCK && need(limit, tokens) <= block;
      });
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
      const at = now();
      const found: Allowance[] = [];
      for (let index = 0; index < limits.length; index += 1) {
        const limit = limits[index] as PlannedLimit;
        const allowance = current(keys[index] as string, limit);
        if (allowance === undefined || heldUnits(allowance, at) < need(limit, tokens)) {
          return undefined;
        }
        found.push(allowance);
      }
      const tokenAllowances: Allowance[] = [];
      const slots: { allowance: Allowance; name: string }[] = [];
      const outcomes = found.map((allowance) => {
        allowance.usedAt = at;
        if (allowance.limit.kind === 'concurrency') {
          const name = allowance.freeSlots.pop() as string;
          allowance.lentSlots.set(name, at);
          slots.push({ allowance, name });
        } else {
          allowance.units -= need(allowance.limit, tokens);
          if (allowance.limit.kind === 'tokens') tokenAllowances.push(allowance);
        }
        return outcomeOf(allowance, at);
      });
      return { drawn: { tokens: tokenAllowances, slots }, outcomes };
    },

    /**
     * Empties the rate and token allowances of a request that goes to the store: per limit, the
     * units the store takes back before it judges the request (0: none). The request is judged
     * on everything, and what the store grants next sits alone at the top of the TAT.
     */
    handBack(keys: readonly string[], limits: readonly PlannedLimit[]): number[] {
      const at = now();
      return limits.map((limit, index) => {
        const allowance = current(keys[index] as string, limit);
        if (allowance === undefined || limit.kind === 'concurrency') return 0;
        const units = heldUnits(allowance, at);
        allowance.units = 0;
        return units;
      });
    },

    /**
     * Per limit, the units to ask the store for on top of the request (0: none), counting what
     * admissions already on their way asked for; hand them to `settleWants` on the reply.
     */
    wants(keys: readonly string[], limits: readonly PlannedLimit[]): number[] {
      const at = now();
      return limits.map((limit, index) => {
        const key = keys[index] as string;
        const allowance = current(key, limit);
        const held = allowance === undefined ? 0 : heldUnits(allowance, at);
        const asked = pending.get(key) ?? 0;
        const want = Math.max(0, blockOf(limit) - held - asked);
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
          const giveBack = retire(allowance, at);
          if (giveBack !== undefined) retired.push(giveBack);
          allowance = undefined;
        }
        if (allowance === undefined) {
          if (granted === 0 || closed) return outcome;
          allowance = newAllowance(partition, key, limit, at);
          live.set(key, allowance);
        }
        if (limit.kind === 'concurrency') {
          for (let n = 1; n <= granted; n += 1) allowance.freeSlots.push(`${grants.prefix}${n}`);
        } else {
          // handBack emptied it: the grant is all it holds, charged until the new reset.
          allowance.units = granted;
        }
        allowance.storeRemaining = outcome.remaining;
        allowance.storeResetMs = outcome.resetMs;
        allowance.readAt = at;
        allowance.usedAt = at;
        const { remaining, resetMs } = outcomeOf(allowance, at);
        return { ...outcome, remaining, resetMs };
      });
      return { outcomes, retired };
    },

    /** `outcomes` (refusals, `state`) with this replica's unused units counted as remaining. */
    withHeld(
      keys: readonly string[],
      limits: readonly PlannedLimit[],
      outcomes: readonly LimitOutcome[],
    ): LimitOutcome[] {
      const at = now();
      return outcomes.map((outcome, index) => {
        const limit = limits[index] as PlannedLimit;
        const allowance = current(keys[index] as string, limit);
        const held = allowance === undefined ? 0 : heldUnits(allowance, at);
        if (held === 0) return outcome;
        return { ...outcome, remaining: Math.min(limit.limit, outcome.remaining + held) };
      });
    },

    /**
     * Settles a drawn request: `delta` tokens (actual − charged) and, when `releaseSlots`, its
     * slots. What a live allowance can absorb stays here; the rest is for the store.
     */
    settle(drawn: Drawn, delta: number, releaseSlots: boolean): GiveBack[] {
      const at = now();
      const remote: GiveBack[] = [];
      if (delta !== 0) {
        for (const allowance of drawn.tokens) {
          if (!allowance.retired && heldUnits(allowance, at) >= delta) allowance.units -= delta;
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

    /**
     * Retires the allowances unused for `idleMs` (all of them, and no more charging ahead, when
     * `closing`): what to give back, by partition.
     */
    collect(closing: boolean): { partition: string; giveBack: GiveBack }[] {
      if (closing) closed = true;
      const at = now();
      const collected: { partition: string; giveBack: GiveBack }[] = [];
      for (const allowance of [...live.values()]) {
        if (!closing && at - allowance.usedAt < idleMs) continue;
        const giveBack = retire(allowance, at);
        if (giveBack !== undefined) collected.push({ partition: allowance.partition, giveBack });
      }
      return collected;
    },

    /**
     * Held slots due for renewal (every quarter of the slot TTL): free ones, and lent ones for
     * one slot TTL after they were lent — a request never ended is not kept alive for ever.
     */
    slotsToRenew(): SlotRenewal[] {
      const at = now();
      const due: SlotRenewal[] = [];
      for (const allowance of [...live.values(), ...retiredLending]) {
        if (allowance.limit.kind !== 'concurrency') continue;
        if (at - allowance.renewedAt < slotTtlMs / 4) continue;
        for (const [name, lentAt] of allowance.lentSlots) {
          if (at - lentAt >= slotTtlMs) allowance.lentSlots.delete(name);
        }
        if (allowance.retired && allowance.lentSlots.size === 0) retiredLending.delete(allowance);
        const slots = [...allowance.freeSlots, ...allowance.lentSlots.keys()];
        if (slots.length > 0) {
          due.push({ partition: allowance.partition, key: allowance.key, slots, allowance });
        }
      }
      return due;
    },

    /** The store renewed `renewal`; the slots it no longer had are dropped here. */
    renewed(renewal: SlotRenewal, missing: ReadonlySet<string>): void {
      const { allowance } = renewal;
      allowance.renewedAt = now();
      if (missing.size === 0) return;
      const kept = allowance.freeSlots.filter((name) => !missing.has(name));
      allowance.freeSlots.splice(0, allowance.freeSlots.length, ...kept);
    },
  };
}

/** This replica's allowances. */
export type Allowances = ReturnType<typeof createAllowances>;
