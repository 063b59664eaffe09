import type { TargetName } from '../load/bench-target.js';
import { isStreamed, type Scenario } from '../scenario/scenario.js';
import type { ScenarioResult } from '../scenario/scenario-result.js';
import type { AddedLatency } from './compare-targets.js';
import { subtractPercentiles } from './subtract-percentiles.js';

/**
 * What admission adds in one scenario: `switchyard-limited` (a team key: auth lookup, the Redis
 * rate-limit check, reconcile and release) minus `switchyard` (master key, no limits), same run.
 */
export interface AdmissionCost {
  readonly scenario: Scenario;
  /** Latency percentiles (streams: the whole stream), limited − switchyard, ms. */
  readonly addedLatency: AddedLatency | undefined;
  /** Streams only: TTFT percentiles, limited − switchyard, ms. */
  readonly addedFirstToken: AddedLatency | undefined;
  /** Limited req/s ÷ switchyard req/s: below 1 means fewer. */
  readonly throughputRatio: number | undefined;
  /** Each gateway's CPU µs per request. */
  readonly gatewayCpuUs: {
    readonly switchyard: number | undefined;
    readonly limited: number | undefined;
  };
}

/**
 * Admission's cost in every scenario `switchyard-limited` was measured in, in scenario order.
 * Differences of percentiles, as in compareTargets, not percentiles of differences.
 */
export function compareAdmission(
  scenarios: readonly Scenario[],
  results: readonly ScenarioResult[],
): AdmissionCost[] {
  return scenarios.flatMap((scenario) => {
    const find = (name: TargetName) =>
      results.find(
        (result) =>
          result.target === name &&
          result.scenario.kind === scenario.kind &&
          result.scenario.concurrency === scenario.concurrency,
      );
    const limited = find('switchyard-limited');
    if (limited === undefined) return [];
    const switchyard = find('switchyard');
    return [
      {
        scenario,
        addedLatency: subtractPercentiles(limited.latency, switchyard?.latency),
        addedFirstToken: isStreamed(scenario.kind)
          ? subtractPercentiles(limited.firstToken, switchyard?.firstToken)
          : undefined,
        throughputRatio:
          switchyard === undefined || switchyard.throughput === 0
            ? undefined
            : limited.throughput / switchyard.throughput,
        gatewayCpuUs: {
          switchyard: switchyard?.cpuPerRequestUs.gateway,
          limited: limited.cpuPerRequestUs.gateway,
        },
      },
    ];
  });
}
