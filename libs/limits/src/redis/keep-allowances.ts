import type { GiveBack } from '../allowance.js';
import type { Allowances } from '../create-allowances.js';
import type { PlannedLimit } from '../planned-limit.js';
import type { LimitScripts } from './define-limit-scripts.js';
import { limitKindCode, redisLimitKey } from './redis-limit-key.js';

/** The give-back script's arguments: per key its kind, limit, count, then any slot names. */
function giveBackArguments(entries: readonly GiveBack[]): string[] {
  const args: string[] = [];
  for (const entry of entries) {
    const { kind, limit } = entry.limit;
    const count = kind === 'concurrency' ? entry.slots.length : entry.units;
    args.push(limitKindCode(kind), String(limit), String(count), ...entry.slots);
  }
  return args;
}

/** Entries grouped by partition: one script call may only touch one partition's keys. */
function byPartition<T>(entries: readonly { partition: string; entry: T }[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const { partition, entry } of entries) {
    const group = groups.get(partition);
    if (group === undefined) groups.set(partition, [entry]);
    else group.push(entry);
  }
  return groups;
}

/**
 * The Redis side of a replica's allowances: gives back what went unused (idle for `idleMs`,
 * or everything on close) and renews held slots every quarter of the slot TTL. Failures are
 * reported: units come back as their limit refills, slots when their TTL ends.
 */
export function keepAllowances(options: {
  allowances: Allowances;
  scripts: LimitScripts;
  call: <T>(run: () => Promise<T>) => Promise<T>;
  report: (error: unknown) => void;
  slotTtlMs: number;
  idleMs: number;
}) {
  const { allowances, scripts, call, report, slotTtlMs } = options;

  const giveBack = async (partition: string, entries: readonly GiveBack[]): Promise<void> => {
    if (entries.length === 0) return;
    const keys = entries.map((entry) => redisLimitKey(partition, entry.limit));
    try {
      await call(() => scripts.giveBack(keys, giveBackArguments(entries)));
    } catch (error: unknown) {
      report(error);
    }
  };

  const upkeep = async (all: boolean): Promise<void> => {
    const collected = allowances
      .collect(all)
      .map(({ partition, giveBack: entry }) => ({ partition, entry }));
    const renewals = all
      ? []
      : allowances.slotsToRenew().map(({ partition, key, slots }) => ({
          partition,
          entry: { key, slots },
        }));
    const calls: Promise<void>[] = [];
    for (const [partition, entries] of byPartition(collected)) {
      calls.push(giveBack(partition, entries));
    }
    for (const entries of byPartition(renewals).values()) {
      const args = [String(slotTtlMs)];
      for (const entry of entries) args.push(String(entry.slots.length), ...entry.slots);
      const keys = entries.map((entry) => entry.key);
      calls.push(call(() => scripts.refreshSlots(keys, args)).then(() => undefined, report));
    }
    await Promise.all(calls);
  };
  let upkeeping = false;
  const timer = allowances.enabled
    ? setInterval(() => {
        if (upkeeping) return;
        upkeeping = true;
        void upkeep(false).finally(() => {
          upkeeping = false;
        });
      }, options.idleMs)
    : undefined;
  timer?.unref();

  return {
    giveBack,
    async close(): Promise<void> {
      if (timer !== undefined) clearInterval(timer);
      await upkeep(true);
    },
  };
}

/** The concurrency slots an admission asked to be granted, by the names it gave them. */
export function requestedSlots(
  limits: readonly PlannedLimit[],
  wants: readonly number[],
  prefix: string,
): GiveBack[] {
  return limits.flatMap((limit, index) => {
    const want = wants[index] ?? 0;
    if (limit.kind !== 'concurrency' || want === 0) return [];
    const slots = Array.from({ length: want }, (_, n) => `${prefix}${n + 1}`);
    return [{ limit, units: 0, slots }];
  });
}
