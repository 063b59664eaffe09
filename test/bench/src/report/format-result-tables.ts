import { type ScenarioKind, scenarioLabel } from '../scenario/scenario.js';
import type { ScenarioResult } from '../scenario/scenario-result.js';
import { formatCount, formatMegabytes, formatMs } from './format-numbers.js';
import { formatTable } from './format-table.js';

/** The non-streamed scenarios: latency percentiles, throughput, errors and the gateway's cost. */
export function formatChatTable(results: readonly ScenarioResult[]): string {
  const rows = results
    .filter((result) => result.scenario.kind === 'chat')
    .map((result) => [
      scenarioLabel(result.scenario),
      result.target,
      formatMs(result.latency?.p50),
      formatMs(result.latency?.p90),
      formatMs(result.latency?.p99),
      formatMs(result.latency?.max),
      formatCount(result.throughput),
      formatCount(result.errors),
      formatCount(result.cpuPerRequestUs.gateway),
      formatMegabytes(result.gatewayRssBytes),
    ]);
  return formatTable(
    [
      'scenario',
      'target',
      'p50 ms',
      'p90 ms',
      'p99 ms',
      'max ms',
      'req/s',
      'errors',
      'gw CPU µs/req',
      'gw RSS MB',
    ],
    rows,
  );
}

/** Streamed scenarios of one kind: time to first token, whole-stream time, throughput, errors, cost. */
export function formatStreamTable(
  results: readonly ScenarioResult[],
  kind: Exclude<ScenarioKind, 'chat'>,
): string {
  const rows = results
    .filter((result) => result.scenario.kind === kind)
    .map((result) => [
      scenarioLabel(result.scenario),
      result.target,
      formatMs(result.firstToken?.p50),
      formatMs(result.firstToken?.p99),
      formatMs(result.latency?.p50),
      formatMs(result.latency?.p99),
      formatMs(result.latency?.max),
      formatCount(result.throughput),
      formatCount(result.errors),
      formatCount(result.cpuPerRequestUs.gateway),
      formatMegabytes(result.gatewayRssBytes),
    ]);
  return formatTable(
    [
      'scenario',
      'target',
      'TTFT p50',
      'TTFT p99',
      'total p50',
      'total p99',
      'total max',
      'req/s',
      'errors',
      'gw CPU µs/req',
      'gw RSS MB',
    ],
    rows,
  );
}
