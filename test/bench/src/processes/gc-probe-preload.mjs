// @ts-check
// Loaded with --import into a measured server (Switchyard, the floor proxy): plain JavaScript so
// it runs however the server itself is run. On the bench's IPC message `gc-start` it starts V8's
// GCProfiler; on `gc-stop` it answers with one compact record per young-generation collection:
// bytes in the young generation before it, left there after it, and the old generation's
// growth (what was promoted). Nothing runs between the two messages but the profiler itself.
import { GCProfiler } from 'node:v8';

const YOUNG = new Set(['new_space', 'new_large_object_space']);
const OLD = new Set(['old_space', 'large_object_space']);

/** @param {{ spaceName: string, spaceUsedSize: number }[]} spaces @param {Set<string>} names */
const used = (spaces, names) =>
  spaces.reduce((sum, space) => (names.has(space.spaceName) ? sum + space.spaceUsedSize : sum), 0);

/** @type {GCProfiler | undefined} */
let profiler;
process.on('message', (message) => {
  const type = typeof message === 'object' && message !== null ? Reflect.get(message, 'type') : '';
  if (type === 'gc-start') {
    profiler?.stop();
    profiler = new GCProfiler();
    profiler.start();
  } else if (type === 'gc-stop') {
    const result = profiler?.stop();
    profiler = undefined;
    const collections = (result?.statistics ?? [])
      .filter((entry) => entry.gcType === 'Scavenge' || entry.gcType === 'MinorMarkSweep')
      .map((entry) => {
        const before = entry.beforeGC.heapSpaceStatistics;
        const after = entry.afterGC.heapSpaceStatistics;
        return [
          used(before, YOUNG),
          used(after, YOUNG),
          Math.max(0, used(after, OLD) - used(before, OLD)),
        ];
      });
    process.send?.({ type: 'gc-collections', collections });
  }
});
// The channel must not keep the server alive, nor change how it shuts down.
process.channel?.unref();
