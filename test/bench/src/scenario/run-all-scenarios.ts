import type { BenchTarget } from '../load/bench-target.js';
import type { LoadLimit } from '../load/run-load.js';
import { runScenario } from './run-scenario.js';
import { type Scenario, scenarioLabel } from './scenario.js';
import type { ScenarioResult } from './scenario-result.js';

/** Every scenario of a run: chat then stream, each at every concurrency. */
export function listScenarios(concurrencies: readonly number[]): Scenario[] {
  return (['chat', 'stream'] as const).flatMap((kind) =>
    concurrencies.map((concurrency) => ({ kind, concurrency })),
  );
}

/**
 * Runs each scenario against every target in turn (direct, switchyard, peer), so the targets of
 * one scenario are measured minutes apart at most, under the same machine conditions.
 */
export async function runAllScenarios(options: {
  scenarios: readonly Scenario[];
  targets: readonly BenchTarget[];
  warmup: number;
  measure: LoadLimit;
  upstreamPid: number | undefined;
  onResult: (result: ScenarioResult) => void;
}): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  for (const scenario of options.scenarios) {
    for (const target of options.targets) {
      process.stderr.write(`  ${scenarioLabel(scenario).padEnd(10)} ${target.name.padEnd(10)} …`);
      const result = await runScenario({ ...options, target, scenario });
      options.onResult(result);
      results.push(result);
    }
  }
  return results;
}
