import { Readable } from 'node:stream';
import { StreamedFile, toCsvRow } from '@switchyard/service-kit';
import type { UsageSummary } from './summarize-usage.js';

const COLUMNS = [
  'requests',
  'errors',
  'success_rate',
  'prompt_tokens',
  'completion_tokens',
  'cached_tokens',
  'reasoning_tokens',
  'total_tokens',
  'cost_usd',
  'avg_latency_ms',
  'avg_ttft_ms',
] as const;

/**
 * A usage summary as CSV: one record per group (the first column named after `group_by`), written
 * group by group as the client reads. The groups are the summary's (one per day, key, end user…),
 * not ledger rows; the totals are left to the spreadsheet (a tag grouping counts a request once
 * per tag, so its column sums exceed the JSON `totals`).
 */
export function toUsageSummaryCsv(summary: UsageSummary): StreamedFile {
  function* lines(): Generator<string> {
    yield toCsvRow([summary.group_by, ...COLUMNS]);
    for (const row of summary.data) {
      yield toCsvRow([row.group, ...COLUMNS.map((column) => row[column])]);
    }
  }
  return new StreamedFile(
    'text/csv; charset=utf-8',
    `usage-${summary.group_by}-${summary.from}-${summary.to}.csv`,
    Readable.from(lines()),
  );
}
