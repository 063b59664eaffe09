import type { LoadLimit } from '../load/run-load.js';
import { formatMs } from '../report/format-numbers.js';
import { runScenario } from './run-scenario.js';
import { SCENARIO_KINDS, type Scenario, scenarioLabel } from './scenario.js';
import type { ScenarioResult } from './scenario-result.js';
import type { ScenarioTargets } from './scenario-targets.js';

/** Every scenario of a run: chat, stream, stream-anthropic, then messages-native, each at every concurrency. */
export function listScenarios(concurrencies: readonly number[]): Scenario[] {
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
  scenarios: readonly Scenario[];
  targets: ScenarioTargets;
  warmup: number;
  measure: LoadLimit;
  upstreamPid: number | undefined;
}): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  for (const scenario of options.scenarios) {
    for (const target of options.targets[scenario.kind]) {
      process.stderr.write(`  ${scenarioLabel(scenario).padEnd(20)} ${target.name.padEnd(18)} …`);
      const result = await runScenario({ ...options, target, scenario });
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
