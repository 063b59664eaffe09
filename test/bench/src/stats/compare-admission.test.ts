import { describe, expect, it } from 'vitest';
import type { TargetName } from '../load/bench-target.js';
import type { Scenario } from '../scenario/scenario.js';
import type { ScenarioResult } from '../scenario/scenario-result.js';
import { compareAdmission } from './compare-admission.js';
import type { LatencySummary } from './summarize-latencies.js';

const summary = (p50: number, p99: number): LatencySummary => ({
  count: 100,
  min: p50 / 2,
  mean: p50,
  p50,
  p90: (p50 + p99) / 2,
  p99,
  max: p99 * 2,
});

function result(
  target: TargetName,
  scenario: Scenario,
  numbers: { latency: [number, number]; firstToken?: [number, number]; throughput: number },
  gatewayCpuUs?: number,
): ScenarioResult {
  return {
    target,
    scenario,
    requests: 100,
    errors: 0,
    errorKinds: {},
    elapsedMs: 1000,
    throughput: numbers.throughput,
    latency: summary(...numbers.latency),
    firstToken: numbers.firstToken && summary(...numbers.firstToken),
    cpuPerRequestUs: { gateway: gatewayCpuUs, upstream: 50, loadGenerator: 80 },
    gatewayRssBytes: 100_000_000,
    gatewayPeakRssBytes: 110_000_000,
    youngGenerationSurvival: undefined,
    eventLoopMaxDelayMs: undefined,
    gatewayCallsPerRequest: undefined,
  };
}

const chat1: Scenario = { kind: 'chat', concurrency: 1 };
const stream16: Scenario = { kind: 'stream', concurrency: 16 };

describe('compareAdmission', () => {
  it('subtracts switchyard from switchyard-limited per percentile, same scenario', () => {
    const results = [
      result('direct', chat1, { latency: [0.2, 0.5], throughput: 4000 }),
      result('switchyard', chat1, { latency: [0.6, 1.5], throughput: 1500 }, 300),
      result('switchyard-limited', chat1, { latency: [0.7, 1.9], throughput: 1200 }, 390),
      result('switchyard', stream16, { latency: [5, 9], firstToken: [3, 6], throughput: 2000 }),
      result('switchyard-limited', stream16, {
        latency: [5.5, 12],
        firstToken: [3.25, 7],
        throughput: 1600,
      }),
    ];
    const [chat, stream] = compareAdmission([chat1, stream16], results);
    expect(chat?.scenario).toEqual(chat1);
    expect(chat?.addedLatency?.p50).toBeCloseTo(0.1);
    expect(chat?.addedLatency?.p99).toBeCloseTo(0.4);
    expect(chat?.addedFirstToken).toBeUndefined();
    expect(chat?.throughputRatio).toBeCloseTo(0.8);
    expect(chat?.gatewayCpuUs).toEqual({ switchyard: 300, limited: 390 });
    expect(stream?.addedLatency).toEqual({ p50: 0.5, p99: 3 });
    expect(stream?.addedFirstToken).toEqual({ p50: 0.25, p99: 1 });
    expect(stream?.throughputRatio).toBeCloseTo(0.8);
  });

  it('leaves out scenarios switchyard-limited was not measured in', () => {
    const results = [result('switchyard', chat1, { latency: [0.6, 1.5], throughput: 1500 })];
    expect(compareAdmission([chat1, stream16], results)).toEqual([]);
  });

  it('keeps the scenario with nothing subtracted when switchyard is missing', () => {
    const results = [result('switchyard-limited', chat1, { latency: [0.7, 1.9], throughput: 1 })];
    expect(compareAdmission([chat1], results)).toEqual([
      {
        scenario: chat1,
        addedLatency: undefined,
        addedFirstToken: undefined,
        throughputRatio: undefined,
        gatewayCpuUs: { switchyard: undefined, limited: undefined },
      },
    ]);
  });
});
