import type { Scenario } from '../scenario/scenario.js';
import type { ScenarioResult } from '../scenario/scenario-result.js';
import { compareTargets, type MetricComparison } from './compare-targets.js';

/** The comparisons a report shows: latency for chat; time to first token, then total, for streams. */
export function compareAllScenarios(
  scenarios: readonly Scenario[],
  results: readonly ScenarioResult[],
): MetricComparison[] {
  return scenarios.flatMap((scenario) =>
    scenario.kind === 'chat'
      ? [compareTargets(results, scenario, 'latency')]
      : [
          compareTargets(results, scenario, 'firstToken'),
          compareTargets(results, scenario, 'latency'),
        ],
  );
}
