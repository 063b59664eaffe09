import { Readable } from 'node:stream';
import type { RequestLogQuery } from '@switchyard/contracts';
import type { Tables } from '@switchyard/db';
import { StreamedFile, toCsvRow } from '@switchyard/service-kit';
import type { Kysely } from 'kysely';
import { type FoundUsageEvent, findUsageEvents } from '../usage-api/find-usage-events.js';
import { toRequestLogEntryJson } from './to-request-log-json.js';

/** Ledger rows per keyset page: one page is all an export holds in memory at a time. */
const PAGE_ROWS = 1_000;

/** The export's columns, in order: the request log entry's fields (tags joined by `|`). */
const COLUMNS = [
  'request_id',
  'client_request_id',
  'started_at',
  'finished_at',
  'team_id',
  'key_id',
  'end_user',
  'tags',
  'endpoint',
  'requested_model',
  'model',
  'provider',
  'upstream_model',
  'credential_id',
  'stream',
  'status',
  'error_code',
  'error_message',
  'prompt_tokens',
  'completion_tokens',
  'cached_tokens',
  'reasoning_tokens',
  'usage_source',
  'cost_usd',
  'cost_source',
  'price_version',
  'latency_ms',
  'ttft_ms',
  'attempts',
  'fallback_used',
  'has_bodies',
] as const;

/**
 * Every request of the request log matching `query` (team already scoped by the caller's role) as
 * CSV, newest first, read in keyset pages of {@link PAGE_ROWS} as the client reads the stream
 * (`Readable.from` pulls the next page only when the socket drained the last). The first page is
 * read before answering, so a bad cursor or a database outage is still a proper error status.
 */
export async function streamRequestLogCsv(
  db: Kysely<Tables>,
  query: RequestLogQuery,
  teamId: string | undefined,
): Promise<StreamedFile> {
  const pageOf = (cursor: string | undefined) =>
    findUsageEvents(db, { ...query, cursor, limit: PAGE_ROWS }, teamId);
  const first = await pageOf(query.cursor);
  async function* lines(): AsyncGenerator<string> {
    yield toCsvRow(COLUMNS);
    let page = first;
    for (;;) {
      yield page.rows.map(toCsvLine).join('');
      if (page.nextCursor === null) return;
      page = await pageOf(page.nextCursor);
    }
  }
  return new StreamedFile('text/csv; charset=utf-8', 'requests.csv', Readable.from(lines()));
}

function toCsvLine(row: FoundUsageEvent): string {
  const entry = toRequestLogEntryJson(row);
  return toCsvRow(
    COLUMNS.map((column) => (column === 'tags' ? entry.tags.join('|') : entry[column])),
  );
}
