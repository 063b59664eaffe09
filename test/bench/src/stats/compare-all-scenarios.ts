import { isStreamed, type Scenario } from '../scenario/scenario.js';
import type { ScenarioResult } from '../scenario/scenario-result.js';
import { compareTargets, type MetricComparison } from './compare-targets.js';

/**
 * The comparisons a report shows: latency for chat; time to first token, then total, for streams
 * (for `stream-anthropic`, against direct calls of the upstream's Anthropic endpoint).
 */
export function compareAllScenarios(
  scenarios: readonly Scenario[],
  results: readonly ScenarioResult[],
): MetricComparison[] {
  return scenarios.flatMap((scenario) =>
    isStreamed(scenario.kind)
      ? [
          compareTargets(results, scenario, 'firstToken'),
          compareTargets(results, scenario, 'latency'),
        ]
      : [compareTargets(results, scenario, 'latency')],
  );
}
