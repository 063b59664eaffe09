import { describe, expect, it } from 'vitest';
import { type CpuProfile, summarizeCpuProfile } from './summarize-cpu-profile.js';

const frame = (functionName: string, url = '', lineNumber = 0) => ({
  functionName,
  url,
  lineNumber,
});

const PROFILE: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)') },
    { id: 2, callFrame: frame('(idle)') },
    {
      id: 3,
      callFrame: frame('relaySse', 'file:///work/repo/services/gateway/src/relay/relay-sse.ts', 11),
    },
    {
      id: 4,
      callFrame: frame(
        'request',
        'file:///work/repo/node_modules/.pnpm/undici@7.30.2/node_modules/undici/lib/pool.js',
        40,
      ),
    },
    // The same function reached through another call path.
    {
      id: 5,
      callFrame: frame('relaySse', 'file:///work/repo/services/gateway/src/relay/relay-sse.ts', 11),
    },
    { id: 6, callFrame: frame('(garbage collector)') },
  ],
  samples: [2, 3, 4, 5, 2, 6, 3],
  // Each sample is charged the next delta: 2 → 100 µs, 3 → 300, 4 → 200, 5 → 100, 2 → 300, 6 → 100.
  timeDeltas: [0, 100, 300, 200, 100, 300, 100],
};

describe('summarizeCpuProfile', () => {
  it('charges each sample the interval to the next, grouped by function and position', () => {
    const summary = summarizeCpuProfile(PROFILE);
    expect(summary.totalMs).toBeCloseTo(1.1);
    expect(summary.busyMs).toBeCloseTo(0.7);
    expect(summary.functions.map((cost) => [cost.function, cost.selfMs])).toEqual([
      ['relaySse services/gateway/src/relay/relay-sse.ts:12', 0.4],
      ['request undici/lib/pool.js:41', 0.2],
      ['(garbage collector)', 0.1],
    ]);
    expect(summary.functions[0]?.busyPercent).toBeCloseTo((0.4 / 0.7) * 100);
  });

  it('leaves out the samples of the first skipMs (start-up)', () => {
    // Samples at 0, 0.1, 0.4, 0.6, 0.7, 1.0 and 1.1 ms: skipping 0.5 ms keeps the last four.
    const summary = summarizeCpuProfile(PROFILE, 0.5);
    expect(summary.totalMs).toBeCloseTo(0.5);
    expect(summary.functions.map((cost) => [cost.function, cost.selfMs])).toEqual([
      ['relaySse services/gateway/src/relay/relay-sse.ts:12', 0.1],
      ['(garbage collector)', 0.1],
    ]);
  });
});
