import { describe, expect, it } from 'vitest';
import type { ScenarioResult } from '../scenario/scenario-result.js';
import { median, summarizeAb } from './summarize-ab.js';

function round(cpuUs: number, throughput: number, writes?: number): ScenarioResult {
  return {
    target: 'switchyard-limited',
    scenario: { kind: 'stream', concurrency: 16 },
    requests: 2000,
    errors: 0,
    errorKinds: {},
    elapsedMs: 2000,
    throughput,
    latency: undefined,
    firstToken: undefined,
    cpuPerRequestUs: { gateway: cpuUs, upstream: 100, loadGenerator: 50 },
    gatewayRssBytes: undefined,
    gatewayPeakRssBytes: undefined,
    youngGenerationSurvival: undefined,
    eventLoopMaxDelayMs: undefined,
    gatewayCallsPerRequest: writes === undefined ? undefined : { reads: 2.5, writes },
  };
}

describe('median', () => {
  it('is the middle value, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('leaves out what was not measured', () => {
    expect(median([undefined, 7, undefined])).toBe(7);
    expect(median([undefined])).toBeUndefined();
  });
});

describe('summarizeAb', () => {
  it('pairs each round of B with the round of A it ran beside', () => {
    // The third round was slowed for both sides: its ratio still counts, its level does not.
    const base = [round(800, 1000, 4.3), round(760, 1010, 4.3), round(2400, 400, 4.4)];
    const change = [round(720, 1150, 2.6), round(722, 1100, 2.5), round(2160, 450, 2.6)];
    const rows = summarizeAb(base, change);
    const cpu = rows.find((row) => row.metric === 'gateway CPU µs/request');
    expect(cpu).toEqual({ metric: 'gateway CPU µs/request', base: 800, change: 722, ratio: 0.9 });
    const writes = rows.find((row) => row.metric === 'write calls/request');
    expect(writes?.ratio).toBeCloseTo(2.6 / 4.4, 6);
  });

  it('has no ratio for a metric one side did not measure', () => {
    const rows = summarizeAb([round(800, 1000)], [round(700, 1100, 2.6)]);
    const writes = rows.find((row) => row.metric === 'write calls/request');
    expect(writes).toEqual({
      metric: 'write calls/request',
      base: undefined,
      change: 2.6,
      ratio: undefined,
    });
  });
});
