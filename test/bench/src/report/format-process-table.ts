import { scenarioLabel } from '../scenario/scenario.js';
import type { ScenarioResult } from '../scenario/scenario-result.js';
import { formatCount, formatMegabytes } from './format-numbers.js';
import { formatTable } from './format-table.js';

/**
 * Inside the servers, per scenario: young-generation survival and scavenges (gc probe), the
 * longest event-loop delay (Switchyard's `/metrics`), peak memory — for the targets that have them.
 */
export function formatProcessTable(results: readonly ScenarioResult[]): string {
  const rows = results
    .filter(
      (result) =>
        result.youngGenerationSurvival !== undefined || result.eventLoopMaxDelayMs !== undefined,
    )
    .map((result) => {
      const survival = result.youngGenerationSurvival;
      return [
        scenarioLabel(result.scenario),
        result.target,
        survival?.percent === undefined ? '—' : survival.percent.toFixed(2),
        formatCount(survival?.collections),
        survival === undefined ? '—' : (survival.youngBytes / result.requests / 1024).toFixed(1),
        result.eventLoopMaxDelayMs === undefined ? '—' : result.eventLoopMaxDelayMs.toFixed(1),
        formatMegabytes(result.gatewayPeakRssBytes),
      ];
    });
  return formatTable(
    [
      'scenario',
      'target',
      'young survival %',
      'scavenges',
      'young kB/req',
      'event-loop max ms',
      'peak RSS MB',
    ],
    rows,
  );
}
