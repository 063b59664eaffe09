import { isAnthropicKind, isStreamed, scenarioLabel } from '../scenario/scenario.js';
import type { MetricComparison } from '../stats/compare-targets.js';
import { formatAddedMs, formatRatio } from './format-numbers.js';
import { formatTable } from './format-table.js';

const METRIC_LABELS = { latency: 'latency', firstToken: 'TTFT' } as const;

/**
 * What each gateway adds over direct (ms), and the ratios switchyard/direct and switchyard/peer.
 * The floor and the peer are not measured on the Anthropic kinds: their columns say `n/a` there.
 */
export function formatComparisonTable(comparisons: readonly MetricComparison[]): string {
  const rows = comparisons.map((comparison) => {
    const metric =
      isStreamed(comparison.scenario.kind) && comparison.metric === 'latency'
        ? 'total'
        : METRIC_LABELS[comparison.metric];
    const peerMeasured = !isAnthropicKind(comparison.scenario.kind);
    const peer = (text: string) => (peerMeasured ? text : 'n/a');
    // The floor, like the peer, is not a target of the Anthropic kinds.
    const floor = peer;
    return [
      scenarioLabel(comparison.scenario),
      metric,
      formatAddedMs(comparison.switchyardAdded?.p50),
      formatAddedMs(comparison.switchyardAdded?.p99),
      floor(formatAddedMs(comparison.floorAdded?.p50)),
      floor(formatAddedMs(comparison.floorAdded?.p99)),
      peer(formatAddedMs(comparison.peerAdded?.p50)),
      peer(formatAddedMs(comparison.peerAdded?.p99)),
      formatRatio(comparison.switchyardToDirect?.p50),
      formatRatio(comparison.switchyardToDirect?.p99),
      formatRatio(comparison.switchyardToDirect?.throughput),
      peer(formatRatio(comparison.switchyardToPeer?.p50)),
      peer(formatRatio(comparison.switchyardToPeer?.p99)),
      peer(formatRatio(comparison.switchyardToPeer?.throughput)),
    ];
  });
  return formatTable(
    [
      'scenario',
      'metric',
      'sy +p50',
      'sy +p99',
      'floor +p50',
      'floor +p99',
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
