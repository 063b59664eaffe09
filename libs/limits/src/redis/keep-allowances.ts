import type { GiveBack } from '../allowance.js';
import type { Allowances, SlotRenewal } from '../create-allowances.js';
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

  /** Renews one partition's slots (its keys share a cluster slot). */
  const renew = async (renewals: readonly SlotRenewal[]): Promise<void> => {
    const args = [String(slotTtlMs)];
    for (const renewal of renewals) args.push(String(renewal.slots.length), ...renewal.slots);
    const keys = renewals.map((renewal) => renewal.key);
    try {
      const missing = parseMissingSlots(await call(() => scripts.refreshSlots(keys, args)));
      renewals.forEach((renewal, index) => {
        allowances.renewed(renewal, missing.get(index + 1) ?? new Set());
      });
    } catch (error: unknown) {
      // Tried again at the next upkeep.
      report(error);
    }
  };

  const upkeep = async (closing: boolean): Promise<void> => {
    const collected = allowances
      .collect(closing)
      .map(({ partition, giveBack: entry }) => ({ partition, entry }));
    const renewals = closing
      ? []
      : allowances.slotsToRenew().map((entry) => ({ partition: entry.partition, entry }));
    const calls: Promise<void>[] = [];
    for (const [partition, entries] of byPartition(collected)) {
      calls.push(giveBack(partition, entries));
    }
    for (const entries of byPartition(renewals).values()) calls.push(renew(entries));
    await Promise.all(calls);
  };
  let running: Promise<void> | undefined;
  // Idle allowances go back within idleMs; held slots are renewed at least every slotTtl/4.
  const timer = allowances.enabled
    ? setInterval(
        () => {
          running ??= upkeep(false).finally(() => {
            running = undefined;
          });
        },
        Math.min(options.idleMs, slotTtlMs / 4),
      )
    : undefined;
  timer?.unref();

  return {
    giveBack,
    async close(): Promise<void> {
      if (timer !== undefined) clearInterval(timer);
      await running;
      await upkeep(true);
    },
  };
}

/** The refresh script's reply: per key index, the slots the store no longer holds alive. */
function parseMissingSlots(reply: unknown): Map<number, Set<string>> {
  const missing = new Map<number, Set<string>>();
  if (!Array.isArray(reply)) return missing;
  for (let index = 0; index + 1 < reply.length; index += 2) {
    const keyIndex: unknown = reply[index];
    const name: unknown = reply[index + 1];
    if (typeof keyIndex !== 'number' || typeof name !== 'string') continue;
    const names = missing.get(keyIndex) ?? new Set<string>();
    names.add(name);
    missing.set(keyIndex, names);
  }
  return missing;
}
