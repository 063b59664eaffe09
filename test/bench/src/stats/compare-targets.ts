import type { TargetName } from '../load/bench-target.js';
import type { Scenario } from '../scenario/scenario.js';
import type { ScenarioResult } from '../scenario/scenario-result.js';
import type { LatencySummary } from './summarize-latencies.js';

/** Which distribution a comparison is about. */
export type ComparedMetric = 'latency' | 'firstToken';

/** A gateway's percentiles minus direct's, ms: what going through it adds. */
export interface AddedLatency {
  readonly p50: number;
  readonly p99: number;
}

/** One target's numbers divided by another's: above 1 means slower (latency) or faster (req/s). */
export interface TargetRatio {
  readonly p50: number;
  readonly p99: number;
  readonly throughput: number;
}

/** How the gateways compare to direct, and Switchyard to the peer, for one scenario and metric. */
export interface MetricComparison {
  readonly scenario: Scenario;
  readonly metric: ComparedMetric;
  readonly switchyardAdded: AddedLatency | undefined;
  /** What the floor proxy adds: the least a Node proxy costs on this machine. */
  readonly floorAdded: AddedLatency | undefined;
  readonly peerAdded: AddedLatency | undefined;
  readonly switchyardToDirect: TargetRatio | undefined;
  readonly switchyardToPeer: TargetRatio | undefined;
}

/**
 * Compares the targets of one scenario on one metric. Added latency is the difference of
 * percentiles (p99 of switchyard − p99 of direct), not a percentile of per-request differences.
 */
export function compareTargets(
  results: readonly ScenarioResult[],
  scenario: Scenario,
  metric: ComparedMetric,
): MetricComparison {
  const find = (name: TargetName) =>
    results.find(
      (result) =>
        result.target === name &&
        result.scenario.kind === scenario.kind &&
        result.scenario.concurrency === scenario.concurrency,
    );
  const direct = find('direct');
  const switchyard = find('switchyard');
  const peer = find('peer');
  return {
    scenario,
    metric,
    switchyardAdded: added(switchyard, direct, metric),
    floorAdded: added(find('floor'), direct, metric),
    peerAdded: added(peer, direct, metric),
    switchyardToDirect: ratio(switchyard, direct, metric),
    switchyardToPeer: ratio(switchyard, peer, metric),
  };
}

function added(
  target: ScenarioResult | undefined,
  base: ScenarioResult | undefined,
  metric: ComparedMetric,
): AddedLatency | undefined {
  const [of, to] = [pick(target, metric), pick(base, metric)];
  if (of === undefined || to === undefined) return undefined;
  return { p50: of.p50 - to.p50, p99: of.p99 - to.p99 };
}

function ratio(
  target: ScenarioResult | undefined,
  base: ScenarioResult | undefined,
  metric: ComparedMetric,
): TargetRatio | undefined {
  const [of, to] = [pick(target, metric), pick(base, metric)];
  if (target === undefined || base === undefined || of === undefined || to === undefined)
    return undefined;
  return {
    p50: of.p50 / to.p50,
    p99: of.p99 / to.p99,
    throughput: target.throughput / base.throughput,
  };
}

function pick(
  result: ScenarioResult | undefined,
  metric: ComparedMetric,
): LatencySummary | undefined {
  return metric === 'latency' ? result?.latency : result?.firstToken;
}
