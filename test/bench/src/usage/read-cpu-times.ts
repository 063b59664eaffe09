import { readdirSync, readFileSync } from 'node:fs';
import { readProcessUsage } from '../processes/read-process-usage.js';

/** The machine's CPU time by kind, in clock ticks summed over all cores (from /proc/stat). */
export interface MachineCpuTicks {
  readonly busy: number;
  readonly ioWait: number;
  readonly idle: number;
}

/**
 * Parses the aggregate `cpu` line of /proc/stat (user nice system idle iowait irq softirq steal
 * …): busy is everything but idle and iowait. Undefined when the line is missing.
 */
export function parseMachineCpuTicks(stat: string): MachineCpuTicks | undefined {
  const line = /^cpu\s+(.*)$/m.exec(stat)?.[1];
  if (line === undefined) return undefined;
  const [user = 0, nice = 0, system = 0, idle = 0, ioWait = 0, irq = 0, softIrq = 0, steal = 0] =
    line.trim().split(/\s+/).map(Number);
  return { busy: user + nice + system + irq + softIrq + steal, ioWait, idle };
}

/** The machine's CPU ticks now; undefined where /proc is missing. */
export function readMachineCpuTicks(): MachineCpuTicks | undefined {
  try {
    return parseMachineCpuTicks(readFileSync('/proc/stat', 'utf8'));
  } catch {
    return undefined;
  }
}

/** Shares of the machine's CPU time between two readings: busy and waiting on I/O, 0–1. */
export function machineCpuShares(
  before: MachineCpuTicks | undefined,
  after: MachineCpuTicks | undefined,
): { busy: number; ioWait: number } | undefined {
  if (before === undefined || after === undefined) return undefined;
  const busy = after.busy - before.busy;
  const ioWait = after.ioWait - before.ioWait;
  const total = busy + ioWait + after.idle - before.idle;
  return total > 0 ? { busy: busy / total, ioWait: ioWait / total } : undefined;
}

/**
 * CPU time (ms) of every running process whose command name is one of `names` (`postgres`,
 * `nats-server`), summed by name: processes that exit between two readings take their share
 * with them, so a difference is a lower bound.
 */
export function readCpuMsByCommand(names: readonly string[]): Record<string, number> {
  const totals: Record<string, number> = Object.fromEntries(names.map((name) => [name, 0]));
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return totals;
  }
  for (const pid of pids) {
    let command: string;
    try {
      command = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    } catch {
      continue;
    }
    if (!(command in totals)) continue;
    const usage = readProcessUsage(Number(pid));
    if (usage !== undefined) totals[command] = (totals[command] ?? 0) + usage.cpuMs;
  }
  return totals;
}
