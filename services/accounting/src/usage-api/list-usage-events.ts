import type { Tables } from '@switchyard/db';
import { type Kysely, sql } from 'kysely';
import { toUsageEventJson } from './to-usage-event-json.js';
import { decodeUsageCursor, encodeUsageCursor } from './usage-cursor.js';
import type { UsageEventsQuery } from './usage-events-query.js';

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
  const cursor = query.cursor === undefined ? undefined : decodeUsageCursor(query.cursor);
  const statusClass =
    query.status_class === undefined ? undefined : Number(query.status_class.charAt(0)) * 100;
  const rows = await db
    .selectFrom('accounting.usage_events')
    .selectAll()
    .select(sql<string>`finished_at::text`.as('cursor_finished_at'))
    .$if(teamId !== undefined, (builder) => builder.where('team_id', '=', teamId ?? ''))
    .$if(query.key_id !== undefined, (builder) => builder.where('key_id', '=', query.key_id ?? ''))
    .$if(query.model !== undefined, (builder) => builder.where('model', '=', query.model ?? ''))
    .$if(query.provider !== undefined, (builder) =>
      builder.where('provider', '=', query.provider ?? ''),
    )
    .$if(query.status !== undefined, (builder) => builder.where('status', '=', query.status ?? 0))
    .$if(statusClass !== undefined, (builder) =>
      builder
        .where('status', '>=', statusClass ?? 0)
        .where('status', '<', (statusClass ?? 0) + 100),
    )
    .$if(query.error !== undefined, (builder) =>
      builder.where('error_code', 'ilike', `%${escapeLike(query.error ?? '')}%`),
    )
    .$if(query.from !== undefined, (builder) =>
      builder.where('finished_at', '>=', sql<Date>`${query.from}::timestamptz`),
    )
    .$if(query.to !== undefined, (builder) =>
      builder.where('finished_at', '<', sql<Date>`${query.to}::timestamptz`),
    )
    .$if(cursor !== undefined, (builder) =>
      builder.where(
        sql<boolean>`(finished_at, request_id) < (${cursor?.finishedAt}::timestamptz, ${cursor?.requestId})`,
      ),
    )
    .orderBy('finished_at', 'desc')
    .orderBy('request_id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const shown = rows.slice(0, query.limit);
  const last = shown.at(-1);
  return {
    object: 'list',
    data: shown.map(({ cursor_finished_at: _cursor, ...row }) => toUsageEventJson(row)),
    next_cursor:
      rows.length > query.limit && last !== undefined
        ? encodeUsageCursor({ finishedAt: last.cursor_finished_at, requestId: last.request_id })
        : null,
  };
}

/** `%`, `_` and `\` match themselves in the search text. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
