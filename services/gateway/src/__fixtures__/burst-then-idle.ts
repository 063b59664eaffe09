// Run by trim-heap-when-idle.test.ts: a burst that grows the heap, then idle; prints one JSON
// line at the end. `garbage` keeps every 20th object (a collection that does not compact keeps
// most pages); `live` keeps them all (a trim gives little back); `serving` is `garbage` with
// requests running all along.
import { performance } from 'node:perf_hooks';
import { getHeapSpaceStatistics, getHeapStatistics } from 'node:v8';
import { type HeapTrim, trimHeapWhenIdle } from '../trim-heap-when-idle.js';

const mode = process.argv[2] ?? 'garbage';
/** Chunks of 20,000 objects: counted, not timed, so a loaded machine grows the heap as much. */
const BURST_CHUNKS = mode === 'live' ? 30 : 80;
/** Past the trim's young collection, 6 s after the trim. */
const IDLE_MS = mode === 'garbage' ? 9_000 : 5_000;

const trims: Array<HeapTrim & { afterIdleMs: number | undefined }> = [];
let idleSince: number | undefined;
const stop = trimHeapWhenIdle({
  checkEveryMs: 200,
  minGapMs: 1_000,
  serving: () => mode === 'serving',
  onTrim: (trim) =>
    trims.push({
      ...trim,
      afterIdleMs: idleSince === undefined ? undefined : performance.now() - idleSince,
    }),
});
if (stop === undefined) throw new Error('no gc function');
// The trimmer takes the least heap from its first check: let that check see the heap before the
// burst (on a loaded machine a check that came late in the burst took half of it as the least,
// and the rest of the burst was too little growth to trim).
await new Promise((resolve) => setTimeout(resolve, 500));

const kept: object[] = [];
let garbage: object[] = [];
for (let chunk = 0; chunk < BURST_CHUNKS; chunk += 1) {
  for (let index = 0; index < 20_000; index += 1) {
    const item = { text: `${'x'.repeat(40)}${index}`, pair: [index, index] };
    garbage.push(item);
    if (mode === 'live' || index % 20 === 0) kept.push(item);
  }
  if (garbage.length > 400_000) garbage = [];
  // Yields to the event loop between chunks, as a busy server does: checks run during the burst.
  await new Promise((resolve) => setImmediate(resolve));
}
garbage = [];
const burstHeapBytes = getHeapStatistics().total_heap_size;
idleSince = performance.now();
await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
stop();
const space = (name: string) => {
  const found = getHeapSpaceStatistics().find((each) => each.space_name === name);
  return { usedBytes: found?.space_used_size, physicalBytes: found?.physical_space_size };
};
process.stdout.write(
  `${JSON.stringify({
    trims,
    kept: kept.length,
    burstHeapBytes,
    endHeapBytes: getHeapStatistics().total_heap_size,
    oldSpace: space('old_space'),
    newSpace: space('new_space'),
  })}\n`,
);
