import type { TranslationCost } from '../stats/compare-translation.js';
import { formatAddedMs, formatCount, formatSignedCount } from './format-numbers.js';
import { formatTable } from './format-table.js';

/** Switchyard's stream-anthropic minus its stream (OpenAI pass-through), per concurrency. */
export function formatTranslationTable(costs: readonly TranslationCost[]): string {
  const rows = costs.map((cost) => {
    const cpu = cost.gatewayCpuUs;
    return [
      `c${cost.concurrency}`,
      formatAddedMs(cost.addedFirstToken?.p50),
      formatAddedMs(cost.addedFirstToken?.p99),
      formatAddedMs(cost.addedTotal?.p50),
      formatAddedMs(cost.addedTotal?.p99),
      cost.perChunkUsP50 === undefined ? '—' : cost.perChunkUsP50.toFixed(1),
      formatCount(cpu.passThrough),
      formatCount(cpu.translated),
      cpu.passThrough === undefined || cpu.translated === undefined
        ? '—'
        : formatSignedCount(cpu.translated - cpu.passThrough),
      formatAddedMs(cost.directAddedTotalP50),
    ];
  });
  return formatTable(
    [
      'concurrency',
      '+TTFT p50',
      '+TTFT p99',
      '+total p50',
      '+total p99',
      'µs/chunk p50',
      'gw CPU µs/req openai',
      'anthropic',
      '+CPU µs/req',
      'direct Δ total p50',
    ],
    rows,
    1,
  );
}
