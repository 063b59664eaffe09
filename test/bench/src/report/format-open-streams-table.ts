import type { OpenStreamsResult } from '../open-streams/open-streams-result.js';
import { formatCount, formatMegabytes, formatMs } from './format-numbers.js';
import { formatTable } from './format-table.js';

/** Streams held open at once: how many reached the upstream together, how late, what memory did. */
export function formatOpenStreamsTable(results: readonly OpenStreamsResult[]): string {
  const rows = results.map((result) => {
    const growth =
      result.rssPeakBytes === undefined || result.rssBaselineBytes === undefined
        ? undefined
        : result.rssPeakBytes - result.rssBaselineBytes;
    return [
      result.target,
      result.body,
      formatCount(result.streams),
      formatCount(result.maxAtUpstream),
      formatCount(result.allReachedMs),
      formatMs(result.firstToken?.p50),
      formatMs(result.firstToken?.p99),
      formatMs(result.firstToken?.max),
      formatCount(result.completed),
      formatMegabytes(result.rssBaselineBytes),
      formatMegabytes(result.rssPeakBytes),
      growth === undefined ? '—' : ((growth / result.streams) * 1e-3).toFixed(1),
      formatMegabytes(result.rssAfterBytes),
      (result.settledAfterMs / 1000).toFixed(1),
    ];
  });
  return formatTable(
    [
      'target',
      'body',
      'streams',
      'at upstream',
      'all there ms',
      'TTFT p50',
      'p99',
      'max',
      'completed',
      'RSS before MB',
      'peak MB',
      'kB/stream',
      'after MB',
      'after s',
    ],
    rows,
    1,
  );
}
