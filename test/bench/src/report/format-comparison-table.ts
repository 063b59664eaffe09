import { scenarioLabel } from '../scenario/scenario.js';
import type { MetricComparison } from '../stats/compare-targets.js';
import { formatAddedMs, formatRatio } from './format-numbers.js';
import { formatTable } from './format-table.js';

const METRIC_LABELS = { latency: 'latency', firstToken: 'TTFT' } as const;

/** What each gateway adds over direct (ms), and the ratios switchyard/direct and switchyard/peer. */
export function formatComparisonTable(comparisons: readonly MetricComparison[]): string {
  const rows = comparisons.map((comparison) => {
    const metric =
      comparison.scenario.kind === 'stream' && comparison.metric === 'latency'
        ? 'total'
        : METRIC_LABELS[comparison.metric];
    return [
      scenarioLabel(comparison.scenario),
      metric,
      formatAddedMs(comparison.switchyardAdded?.p50),
      formatAddedMs(comparison.switchyardAdded?.p99),
      formatAddedMs(comparison.peerAdded?.p50),
      formatAddedMs(comparison.peerAdded?.p99),
      formatRatio(comparison.switchyardToDirect?.p50),
      formatRatio(comparison.switchyardToDirect?.p99),
      formatRatio(comparison.switchyardToDirect?.throughput),
      formatRatio(comparison.switchyardToPeer?.p50),
      formatRatio(comparison.switchyardToPeer?.p99),
      formatRatio(comparison.switchyardToPeer?.throughput),
    ];
  });
  return formatTable(
    [
      'scenario',
      'metric',
      'sy +p50',
      'sy +p99',
      'peer +p50',
      'peer +p99',
      'sy/direct p50',
      'p99',
      'req/s',
      'sy/peer p50',
      'p99',
      'req/s',
    ],
    rows,
  );
}
