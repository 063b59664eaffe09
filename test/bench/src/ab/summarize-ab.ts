import type { ScenarioResult } from '../scenario/scenario-result.js';

/** One measured quantity of an A/B run: each side's median and the change's paired ratio. */
export interface AbRow {
  readonly metric: string;
  readonly base: number | undefined;
  readonly change: number | undefined;
  /** The median of B ÷ A over the rounds where both were measured (and A was not 0). */
  readonly ratio: number | undefined;
}

const metrics: ReadonlyArray<readonly [string, (result: ScenarioResult) => number | undefined]> = [
  ['gateway CPU µs/request', (result) => result.cpuPerRequestUs.gateway],
  ['requests/s', (result) => result.throughput],
  ['latency p50 ms', (result) => result.latency?.p50],
  ['latency p99 ms', (result) => result.latency?.p99],
  ['first token p50 ms', (result) => result.firstToken?.p50],
  ['first token p99 ms', (result) => result.firstToken?.p99],
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
 * Per metric: each side's median over its measured rounds, and the median of the rounds' own
 * B ÷ A (`base[i]` and `change[i]` ran back to back), so load that hit one round hits both sides.
 */
export function summarizeAb(
  base: readonly ScenarioResult[],
  change: readonly ScenarioResult[],
): AbRow[] {
  return metrics.map(([metric, read]) => {
    const ratios = base.map((baseRound, index) => {
      const changeRound = change[index];
      const a = read(baseRound);
      const b = changeRound === undefined ? undefined : read(changeRound);
      return a === undefined || b === undefined || a === 0 ? undefined : b / a;
    });
    return {
      metric,
      base: median(base.map(read)),
      change: median(change.map(read)),
      ratio: median(ratios),
    };
  });
}
