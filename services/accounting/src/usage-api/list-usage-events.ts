import type { UsageEventsQuery } from '@switchyard/contracts';
import type { Tables } from '@switchyard/db';
import type { Kysely } from 'kysely';
import { findUsageEvents } from './find-usage-events.js';
import { toUsageEventJson } from './to-usage-event-json.js';

/** A page of usage events, newest first. */
export interface UsageEventsPage {
  object: 'list';
  data: ReturnType<typeof toUsageEventJson>[];
  next_cursor: string | null;
}

/** Lists ledger rows matching `query` (team already scoped by the caller's role), newest first. */
export async function listUsageEvents(
  db: Kysely<Tables>,
  query: UsageEventsQuery,
  teamId: string | undefined,
): Promise<UsageEventsPage> {
  const { rows, nextCursor } = await findUsageEvents(db, query, teamId);
  return {
    object: 'list',
    data: rows.map(({ has_bodies: _hasBodies, ...row }) => toUsageEventJson(row)),
    next_cursor: nextCursor,
  };
}
