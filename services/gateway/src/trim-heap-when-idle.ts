import { performance } from 'node:perf_hooks';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** One trim: the heap V8 had committed before and after it, and how long the pause was. */
export interface HeapTrim {
  readonly beforeBytes: number;
  readonly afterBytes: number;
  readonly pauseMs: number;
}

/** When {@link trimHeapWhenIdle} trims, and whom it tells. */
export interface TrimHeapWhenIdleOptions {
  /** How often the event loop's utilization and the heap are read. */
  readonly checkEveryMs?: number;
  /** Heap committed beyond the least it has been that is worth a pause. */
  readonly growthBytes?: number;
  /** Event-loop utilization over the last check below which the process counts as idle. */
  readonly idleUtilization?: number;
  /** Whether requests are running: never a trim then (its pause grows with the live heap). */
  readonly serving?: () => boolean;
  /** Wait after a trim that gave little back (the heap was live); doubles, to 16×, while they do. */
  readonly minGapMs?: number;
  readonly onTrim?: (trim: HeapTrim) => void;
}

const DEFAULT_CHECK_EVERY_MS = 2_000;
/** More than the young generation alone regrows to under load (32 MiB). */
const DEFAULT_GROWTH_BYTES = 64 * 2 ** 20;
const DEFAULT_IDLE_UTILIZATION = 0.01;
const DEFAULT_MIN_GAP_MS = 60_000;
const MAX_GAP_FACTOR = 16;
/** V8 averages the allocation rate over 5 s: a young collection this long after a trim sees it low. */
const YOUNG_SHRINK_DELAY_MS = 6_000;

/**
 * Hands the heap a burst grew back to the system once the process is idle. Returns the function
 * that stops watching, or undefined when V8 offers no `gc` function to call.
 */
export function trimHeapWhenIdle(options: TrimHeapWhenIdleOptions = {}): (() => void) | undefined {
  // On Node 20, V8's memory reducer judges the allocation rate from samples taken at collections,
  // and an idle process collects nothing: after 2,000 streams a gateway kept ~90 MB of old pages,
  // a third used, and a 32 MB young generation for as long as it stayed idle. So: when the loop
  // was under 1 % busy, no request is running and the heap is 64 MiB past the least it has been,
  // one compacting full collection (its pause grows with the live heap, ~2.5 ms a MB: hence no
  // request running, and a back-off while the heap stays live all the same); then, at an idle
  // check 6 s later, a young collection that lets V8 shrink the young generation. Measured on
  // Node 20 only; on later versions it is at worst a redundant trim.
  const collector = exposeCollector();
  if (collector === undefined) return undefined;
  const growthBytes = options.growthBytes ?? DEFAULT_GROWTH_BYTES;
  const idleUtilization = options.idleUtilization ?? DEFAULT_IDLE_UTILIZATION;
  const minGapMs = options.minGapMs ?? DEFAULT_MIN_GAP_MS;
  let gapMs = 0;
  // The least the heap has been, from the first check: what a process grows into while it starts
  // is not a burst.
  let least = Number.POSITIVE_INFINITY;
  let nextTrimAt = 0;
  let shrinkYoungAt: number | undefined;
  let last = performance.eventLoopUtilization();
  const timer = setInterval(() => {
    const current = performance.eventLoopUtilization();
    const idle = performance.eventLoopUtilization(current, last).utilization < idleUtilization;
    last = current;
    const now = performance.now();
    if (idle && shrinkYoungAt !== undefined && now >= shrinkYoungAt) {
      shrinkYoungAt = undefined;
      collector.young();
    }
    const beforeBytes = committedHeapBytes();
    least = Math.min(least, beforeBytes);
    if (!idle || now < nextTrimAt || beforeBytes < least + growthBytes) return;
    if (options.serving?.()) return;
    collector.compact();
    const afterBytes = committedHeapBytes();
    const pauseMs = performance.now() - now;
    least = Math.min(least, afterBytes);
    // Little given back means the heap is live (streams still open, say): the same trim would
    // pause again for nothing, so wait, longer each time. After one that gave much back, the next
    // check may trim again only if the heap is still 64 MiB past its least, and so on.
    gapMs =
      beforeBytes - afterBytes >= growthBytes / 2
        ? 0
        : Math.min(Math.max(gapMs * 2, minGapMs), minGapMs * MAX_GAP_FACTOR);
    nextTrimAt = now + gapMs;
    shrinkYoungAt = now + YOUNG_SHRINK_DELAY_MS;
    last = performance.eventLoopUtilization();
    options.onTrim?.({ beforeBytes, afterBytes, pauseMs });
  }, options.checkEveryMs ?? DEFAULT_CHECK_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}

function committedHeapBytes(): number {
  return getHeapStatistics().total_heap_size;
}

/**
 * V8's `gc` function: the global one when node runs with `--expose-gc`, else one taken from a
 * fresh context (the flag is set back, so no later context gets one). `compact` is a full
 * collection with compaction forced for it alone (a plain one keeps every page that still holds a
 * live object); `young` a young-generation collection.
 */
function exposeCollector(): { compact(): void; young(): void } | undefined {
  let gc: unknown = Reflect.get(globalThis, 'gc');
  if (typeof gc !== 'function') {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc');
    setFlagsFromString('--no-expose-gc');
  }
  if (typeof gc !== 'function') return undefined;
  const collect = gc;
  return {
    compact() {
      setFlagsFromString('--compact-on-every-full-gc');
      try {
        collect();
      } finally {
        setFlagsFromString('--no-compact-on-every-full-gc');
      }
    },
    young: () => collect({ type: 'minor' }),
  };
}
