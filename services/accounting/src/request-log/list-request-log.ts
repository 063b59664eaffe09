import type { RequestLogQuery } from '@switchyard/contracts';
import type { Tables } from '@switchyard/db';
import type { Kysely } from 'kysely';
import { findUsageEvents } from '../usage-api/find-usage-events.js';
import { toRequestLogEntryJson } from './to-request-log-json.js';

/** A page of the request log, newest first. */
export interface RequestLogPage {
  object: 'list';
  data: ReturnType<typeof toRequestLogEntryJson>[];
  next_cursor: string | null;
}

/** Searches the ledger for `query` (team already scoped by the caller's role), newest first. */
export async function listRequestLog(
  db: Kysely<Tables>,
  query: RequestLogQuery,
  teamId: string | undefined,
): Promise<RequestLogPage> {
  const { rows, nextCursor } = await findUsageEvents(db, query, teamId);
  return { object: 'list', data: rows.map(toRequestLogEntryJson), next_cursor: nextCursor };
}
