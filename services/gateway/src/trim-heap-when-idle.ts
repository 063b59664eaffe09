import { performance } from 'node:perf_hooks';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** One trim: the heap V8 had committed before and after it, and how long the pause was. */
export interface HeapTrim {
  readonly beforeBytes: number;
  readonly afterBytes: number;
  readonly pauseMs: number;
}

export interface TrimHeapWhenIdleOptions {
  /** How often the event loop's utilization and the heap are read. */
  readonly checkEveryMs?: number;
  /** Heap committed beyond what it was after the last trim (or at start) that is worth a pause. */
  readonly growthBytes?: number;
  /** Event-loop utilization over the last check below which the process counts as idle. */
  readonly idleUtilization?: number;
  readonly onTrim?: (trim: HeapTrim) => void;
}

const DEFAULT_CHECK_EVERY_MS = 2_000;
/** More than the young generation alone regrows to under load (32 MiB). */
const DEFAULT_GROWTH_BYTES = 64 * 2 ** 20;
const DEFAULT_IDLE_UTILIZATION = 0.01;
/** V8 averages the allocation rate over 5 s: a young collection this long after a trim sees it low. */
const YOUNG_SHRINK_DELAY_MS = 6_000;

/**
 * Gives the heap a burst grew back to the system once the process is idle: a compacting full
 * collection when the event loop was under 1 % busy for a check and the committed heap is 64 MiB
 * past the least it has been since the last trim (or the first check), then, 6 s later and still
 * idle, a young collection that shrinks the young generation. V8 would do it itself, but on
 * Node 20 its memory reducer judges the allocation rate from samples taken at collections, and an
 * idle process collects nothing: after 2,000 streams a gateway kept ~90 MB of old-generation
 * pages, a third of them used, and its 32 MB young generation, for as long as it stayed idle.
 * The full collection pauses the process (up to ~90 ms after 2,000 streams), which is why it
 * waits for idleness. Returns the function that stops watching.
 */
export function trimHeapWhenIdle(options: TrimHeapWhenIdleOptions = {}): () => void {
  const growthBytes = options.growthBytes ?? DEFAULT_GROWTH_BYTES;
  const idleUtilization = options.idleUtilization ?? DEFAULT_IDLE_UTILIZATION;
  const collector = exposeCollector();
  // Set at the first check, not at start: what the process grows into while it starts is not a burst.
  let reference = Number.POSITIVE_INFINITY;
  let shrinkYoungAt: number | undefined;
  let last = performance.eventLoopUtilization();
  const timer = setInterval(() => {
    const current = performance.eventLoopUtilization();
    const idle = performance.eventLoopUtilization(current, last).utilization < idleUtilization;
    last = current;
    if (shrinkYoungAt !== undefined && performance.now() >= shrinkYoungAt) {
      shrinkYoungAt = undefined;
      if (idle) collector.young();
    }
    const beforeBytes = committedHeapBytes();
    // The reference follows the heap down, so growth is measured from the smallest it has been.
    reference = Math.min(reference, beforeBytes);
    if (!idle || beforeBytes < reference + growthBytes) return;
    const startedAt = performance.now();
    collector.compact();
    const pauseMs = performance.now() - startedAt;
    // What stayed is live (open streams, say): trimming again waits for the heap to grow past it.
    reference = committedHeapBytes();
    shrinkYoungAt = performance.now() + YOUNG_SHRINK_DELAY_MS;
    last = performance.eventLoopUtilization();
    options.onTrim?.({ beforeBytes, afterBytes: reference, pauseMs });
  }, options.checkEveryMs ?? DEFAULT_CHECK_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}

function committedHeapBytes(): number {
  return getHeapStatistics().total_heap_size;
}

/**
 * V8's `gc` function, taken from a fresh context so the application's own global never has one.
 * `compact`: a full collection with compaction forced for it only (a plain one frees the dead
 * objects but keeps every page that still holds a live one). `young`: a young-generation
 * collection, which shrinks the young generation when the rate V8 measured since the previous
 * collection is low, as it is after {@link YOUNG_SHRINK_DELAY_MS} of idleness.
 */
function exposeCollector(): { compact(): void; young(): void } {
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('gc');
  setFlagsFromString('--no-expose-gc');
  if (typeof gc !== 'function') throw new Error('V8 did not expose its gc function');
  return {
    compact() {
      setFlagsFromString('--compact-on-every-full-gc');
      try {
        gc();
      } finally {
        setFlagsFromString('--no-compact-on-every-full-gc');
      }
    },
    young: () => gc({ type: 'minor' }),
  };
}
