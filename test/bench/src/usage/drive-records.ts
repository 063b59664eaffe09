import { setTimeout as sleep, setImmediate as yieldTurn } from 'node:timers/promises';
import type { RequestOutcome } from '@switchyard/gateway';

/** How fast outcomes are offered: as fast as the buffer takes them, or at a steady rate. */
export type RecordPace =
  | { readonly kind: 'flat-out'; readonly highWater: number }
  | { readonly kind: 'paced'; readonly perSecond: number };

/** Most outcomes recorded in one turn of the event loop. */
const SLICE = 64;
/** The paced driver wakes this often and records what is due. */
const TICK_MS = 10;

/**
 * Hands `count` outcomes to `record` — flat out (never more than `highWater` events waiting in
 * the buffer, so it never drops and bodies are never left off) or at `perSecond` — yielding to
 * the event loop between slices so the buffer publishes in the background. Returns the process
 * CPU time spent inside `record` alone (µs): the request path's share. Outcomes are made
 * outside the measured slices.
 */
export async function driveRecords(options: {
  count: number;
  outcomeAt: (index: number) => RequestOutcome;
  record: (outcome: RequestOutcome) => void;
  buffered: () => number;
  pace: RecordPace;
}): Promise<{ recordCpuUs: number }> {
  const { pace } = options;
  const startedAt = performance.now();
  let recordCpuUs = 0;
  let index = 0;
  const recordSlice = (size: number) => {
    const outcomes = Array.from({ length: size }, (_, offset) => options.outcomeAt(index + offset));
    const before = process.cpuUsage();
    for (const outcome of outcomes) options.record(outcome);
    const spent = process.cpuUsage(before);
    recordCpuUs += spent.user + spent.system;
    index += size;
  };
  while (index < options.count) {
    if (pace.kind === 'flat-out') {
      const room = Math.min(pace.highWater - options.buffered(), SLICE, options.count - index);
      if (room > 0) {
        recordSlice(room);
        await yieldTurn();
      } else {
        await sleep(1);
      }
    } else {
      const due = Math.floor(((performance.now() - startedAt) * pace.perSecond) / 1_000);
      const size = Math.min(due, options.count) - index;
      if (size > 0) recordSlice(size);
      if (index < options.count) await sleep(TICK_MS);
    }
  }
  return { recordCpuUs };
}
