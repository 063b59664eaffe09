import { scenarioLabel } from '../scenario/scenario.js';
import type { AdmissionCost } from '../stats/compare-admission.js';
import { formatAddedMs, formatCount, formatRatio, formatSignedCount } from './format-numbers.js';
import { formatTable } from './format-table.js';

/**
 * What admission adds per scenario: switchyard-limited − switchyard, latency (streams: the whole
 * stream) and TTFT percentiles, the req/s ratio, and each gateway's CPU per request.
 */
export function formatAdmissionTable(costs: readonly AdmissionCost[]): string {
  const rows = costs.map((cost) => {
    const streamed = cost.scenario.kind !== 'chat';
    const firstToken = (value: number | undefined) => (streamed ? formatAddedMs(value) : 'n/a');
    const cpu = cost.gatewayCpuUs;
    return [
      scenarioLabel(cost.scenario),
      formatAddedMs(cost.addedLatency?.p50),
      formatAddedMs(cost.addedLatency?.p99),
      firstToken(cost.addedFirstToken?.p50),
      firstToken(cost.addedFirstToken?.p99),
      formatRatio(cost.throughputRatio),
      formatCount(cpu.switchyard),
      formatCount(cpu.limited),
      cpu.switchyard === undefined || cpu.limited === undefined
        ? '—'
        : formatSignedCount(cpu.limited - cpu.switchyard),
    ];
  });
  return formatTable(
    [
      'scenario',
      '+latency p50',
      '+latency p99',
      '+TTFT p50',
      '+TTFT p99',
      'limited/sy req/s',
      'gw CPU µs/req sy',
      'limited',
      '+CPU µs/req',
    ],
    rows,
    1,
  );
}
