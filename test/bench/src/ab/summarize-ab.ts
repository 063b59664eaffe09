import type { ScenarioResult } from '../scenario/scenario-result.js';

/** One measured quantity of an A/B run: its median on each side and the change's ratio. */
export interface AbRow {
  readonly metric: string;
  readonly base: number | undefined;
  readonly change: number | undefined;
  /** change ÷ base; undefined when either is missing or the base is 0. */
  readonly ratio: number | undefined;
}

const metrics: ReadonlyArray<readonly [string, (result: ScenarioResult) => number | undefined]> = [
  ['gateway CPU µs/request', (result) => result.cpuPerRequestUs.gateway],
  ['requests/s', (result) => result.throughput],
  ['write calls/request', (result) => result.gatewayCallsPerRequest?.writes],
  ['read calls/request', (result) => result.gatewayCallsPerRequest?.reads],
  ['young survival %', (result) => result.youngGenerationSurvival?.percent],
];

/** The median of the values that were measured; undefined when none was. */
export function median(values: readonly (number | undefined)[]): number | undefined {
  const measured = values.filter((value) => value !== undefined).sort((a, b) => a - b);
  if (measured.length === 0) return undefined;
  const middle = Math.floor(measured.length / 2);
  const upper = measured[middle] as number;
  return measured.length % 2 === 1 ? upper : ((measured[middle - 1] as number) + upper) / 2;
}

/**
 * The medians of each side's measured rounds, per metric. Medians, not means: on a shared VM one
 * round in five can be hit by a burst of background load.
 */
export function summarizeAb(
  base: readonly ScenarioResult[],
  change: readonly ScenarioResult[],
): AbRow[] {
  return metrics.map(([metric, read]) => {
    const baseMedian = median(base.map(read));
    const changeMedian = median(change.map(read));
    const ratio =
      baseMedian === undefined || changeMedian === undefined || baseMedian === 0
        ? undefined
        : changeMedian / baseMedian;
    return { metric, base: baseMedian, change: changeMedian, ratio };
  });
}
