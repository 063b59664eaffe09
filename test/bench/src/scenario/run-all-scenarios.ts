import type { LoadLimit } from '../load/run-load.js';
import { formatMs } from '../report/format-numbers.js';
import { runScenario } from './run-scenario.js';
import {
  type BenchScenarioKind,
  SCENARIO_KINDS,
  type Scenario,
  scenarioLabel,
} from './scenario.js';
import type { ScenarioResult } from './scenario-result.js';
import type { ScenarioTargets } from './scenario-targets.js';

/**
 * How long each measurement is warmed up at least. A server, and the load generator, idle for
 * a while lose their warm state: measured right after the peer's minute-long `stream c1`, the
 * floor's `stream c16` cost 273–315 µs a request instead of 115–125 (its 500 warm-up requests
 * took a quarter of a second), and every target's c16 stream figures rose with it. Two seconds
 * of requests bring a target back to its settled figure (a floor idle for 70 s needed ~6,000).
 */
export const WARMUP_MIN_MS = 2_000;

/** Every scenario of a run: chat, stream, stream-anthropic, then messages-native, each at every concurrency. */
export function listScenarios(concurrencies: readonly number[]): Scenario<BenchScenarioKind>[] {
  return SCENARIO_KINDS.flatMap((kind) =>
    concurrencies.map((concurrency) => ({ kind, concurrency })),
  );
}

/**
 * Runs each scenario against each of its targets in turn (direct, switchyard, switchyard-limited,
 * peer), so the targets of one scenario are measured minutes apart at most, under the same
 * machine conditions.
 */
export async function runAllScenarios(options: {
  scenarios: readonly Scenario<BenchScenarioKind>[];
  targets: ScenarioTargets;
  warmup: number;
  measure: LoadLimit;
  upstreamPid: number | undefined;
}): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  for (const scenario of options.scenarios) {
    for (const target of options.targets[scenario.kind]) {
      process.stderr.write(`  ${scenarioLabel(scenario).padEnd(20)} ${target.name.padEnd(18)} …`);
      const result = await runScenario({
        ...options,
        warmupMinMs: WARMUP_MIN_MS,
        target,
        scenario,
      });
      process.stderr.write(` ${formatProgress(result)}\n`);
      results.push(result);
    }
  }
  return results;
}

function formatProgress(result: ScenarioResult): string {
  const median =
    result.firstToken === undefined
      ? `p50 ${formatMs(result.latency?.p50)}`
      : `TTFT p50 ${formatMs(result.firstToken.p50)}`;
  return `${median} ms, ${Math.round(result.throughput)} req/s, ${result.errors} errors`;
}
