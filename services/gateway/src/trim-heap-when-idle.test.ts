import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { HeapTrim } from './trim-heap-when-idle.js';

interface BurstThenIdle {
  trims: Array<HeapTrim & { afterIdleMs: number | undefined }>;
  kept: number;
  burstHeapBytes: number;
  endHeapBytes: number;
  oldSpace: { usedBytes: number; physicalBytes: number };
  newSpace: { usedBytes: number; physicalBytes: number };
}

/** Runs the fixture in a process of its own: the trim changes V8 flags and collects its heap. */
async function burstThenIdle(mode: 'garbage' | 'live' | 'serving'): Promise<BurstThenIdle> {
  const fixture = fileURLToPath(new URL('./__fixtures__/burst-then-idle.ts', import.meta.url));
  const nodeArguments = ['--import', 'tsx', fixture, mode];
  const { stdout } = await promisify(execFile)(process.execPath, nodeArguments, {
    timeout: 60_000,
  });
  return JSON.parse(stdout) as BurstThenIdle;
}

describe('trimHeapWhenIdle', () => {
  it('trims once the burst is over, not during it, and gives the grown heap back', async () => {
    const run = await burstThenIdle('garbage');
    expect(run.kept).toBeGreaterThan(0);
    // The burst grew the heap well past the threshold, yet nothing was trimmed while it ran.
    expect(run.burstHeapBytes).toBeGreaterThan(96 * 2 ** 20);
    expect(run.trims).toHaveLength(1);
    const [first] = run.trims;
    expect(first?.afterIdleMs).toBeDefined();
    // Within a few 200 ms checks of going idle (the one that saw the burst's end was busy; on a
    // loaded machine a preempted check counts as busy too).
    expect(first?.afterIdleMs).toBeLessThan(3_000);
    expect(first?.afterBytes).toBeLessThan((first?.beforeBytes ?? 0) / 2);
    expect(run.endHeapBytes).toBeLessThan(run.burstHeapBytes / 2);
    // Compacted: the old generation's pages hold its live objects (~10 MB here) and little else;
    // a collection that does not compact keeps most pages the burst touched, each a twentieth used.
    expect(run.oldSpace.physicalBytes).toBeLessThan(run.oldSpace.usedBytes * 1.5 + 2 * 2 ** 20);
    // The young generation the burst grew (16–32 MB) is back to its least once idle for 6 s.
    expect(run.newSpace.physicalBytes).toBeLessThanOrEqual(2 * 2 ** 20);
  }, 90_000);

  it('backs off while the heap it would trim is live', async () => {
    const run = await burstThenIdle('live');
    // Idle 5 s, checked every 200 ms, 64 MiB past the least all along: without the back-off
    // (1 s, then 2, 4) it would trim at nearly every check.
    expect(run.trims.length).toBeGreaterThanOrEqual(1);
    expect(run.trims.length).toBeLessThanOrEqual(3);
    for (const trim of run.trims)
      expect(trim.beforeBytes - trim.afterBytes).toBeLessThan(32 * 2 ** 20);
  }, 90_000);

  it('never trims while requests are running, idle as the loop may be', async () => {
    const run = await burstThenIdle('serving');
    expect(run.burstHeapBytes).toBeGreaterThan(96 * 2 ** 20);
    expect(run.trims).toEqual([]);
  }, 90_000);
});
