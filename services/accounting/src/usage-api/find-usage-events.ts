import type { UsageEventsQuery } from '@switchyard/contracts';
import type { Tables, UsageEventRow } from '@switchyard/db';
import { type Kysely, sql } from 'kysely';
import { decodeUsageCursor, encodeUsageCursor } from './usage-cursor.js';

/** What {@link findUsageEvents} filters by: a usage events query, or the request log's. */
export type UsageEventFilter = Omit<UsageEventsQuery, 'team_id'> & {
  /** Only requests whose bodies were logged (true) or were not (false). */
  has_bodies?: boolean | undefined;
};

/** A ledger row, and whether the request log holds its bodies. */
export type FoundUsageEvent = UsageEventRow & { has_bodies: boolean };

/** A page of ledger rows, newest first, and the cursor of the next page (null on the last). */
export interface FoundUsageEvents {
  rows: FoundUsageEvent[];
  nextCursor: string | null;
}

/**
 * Ledger rows matching `filter` (team already scoped by the caller's role), newest first, at
 * most `filter.limit`: what the usage events list and the request log both page through.
 */
export async function findUsageEvents(
  db: Kysely<Tables>,
  filter: UsageEventFilter,
  teamId: string | undefined,
): Promise<FoundUsageEvents> {
  const cursor = filter.cursor === undefined ? undefined : decodeUsageCursor(filter.cursor);
  const statusClass =
    filter.status_class === undefined ? undefined : Number(filter.status_class.charAt(0)) * 100;
  const error = filter.error === undefined ? undefined : `%${escapeLike(filter.error)}%`;
  const rows = await db
    .selectFrom('accounting.usage_events as event')
    .selectAll('event')
    .select((eb) => [
      sql<string>`event.finished_at::text`.as('cursor_finished_at'),
      eb.exists(bodiesOf(db)).$castTo<boolean>().as('has_bodies'),
    ])
    .$if(teamId !== undefined, (builder) => builder.where('event.team_id', '=', teamId ?? ''))
    .$if(filter.key_id !== undefined, (builder) =>
      builder.where('event.key_id', '=', filter.key_id ?? ''),
    )
    .$if(filter.model !== undefined, (builder) =>
      builder.where('event.model', '=', filter.model ?? ''),
    )
    .$if(filter.provider !== undefined, (builder) =>
      builder.where('event.provider', '=', filter.provider ?? ''),
    )
    .$if(filter.client_request_id !== undefined, (builder) =>
      builder.where('event.client_request_id', '=', filter.client_request_id ?? ''),
    )
    .$if(filter.end_user !== undefined, (builder) =>
      builder.where('event.end_user', '=', filter.end_user ?? ''),
    )
    .$if(filter.tag !== undefined, (builder) =>
      builder.where(sql<boolean>`event.tags @> ${JSON.stringify([filter.tag])}::jsonb`),
    )
    .$if(filter.status !== undefined, (builder) =>
      builder.where('event.status', '=', filter.status ?? 0),
    )
    .$if(statusClass !== undefined, (builder) =>
      builder
        .where('event.status', '>=', statusClass ?? 0)
        .where('event.status', '<', (statusClass ?? 0) + 100),
    )
    .$if(error !== undefined, (builder) =>
      builder.where((eb) =>
        eb.or([
          eb('event.error_code', 'ilike', error ?? ''),
          eb('event.error_message', 'ilike', error ?? ''),
        ]),
      ),
    )
    .$if(filter.from !== undefined, (builder) =>
      builder.where('event.finished_at', '>=', sql<Date>`${filter.from}::timestamptz`),
    )
    .$if(filter.to !== undefined, (builder) =>
      builder.where('event.finished_at', '<', sql<Date>`${filter.to}::timestamptz`),
    )
    .$if(filter.has_bodies !== undefined, (builder) =>
      builder.where((eb) =>
        filter.has_bodies ? eb.exists(bodiesOf(db)) : eb.not(eb.exists(bodiesOf(db))),
      ),
    )
    .$if(cursor !== undefined, (builder) =>
      builder.where(
        sql<boolean>`(event.finished_at, event.request_id) < (${cursor?.finishedAt}::timestamptz, ${cursor?.requestId})`,
      ),
    )
    .orderBy('event.finished_at', 'desc')
    .orderBy('event.request_id', 'desc')
    .limit(filter.limit + 1)
    .execute();
  const shown = rows.slice(0, filter.limit);
  const last = shown.at(-1);
  return {
    rows: shown.map(({ cursor_finished_at: _cursor, ...row }) => row),
    nextCursor:
      rows.length > filter.limit && last !== undefined
        ? encodeUsageCursor({ finishedAt: last.cursor_finished_at, requestId: last.request_id })
        : null,
  };
}

/** The request log row of the ledger row `event`, for `exists (…)`. */
function bodiesOf(db: Kysely<Tables>) {
  return db
    .selectFrom('accounting.request_bodies as body')
    .select(sql<number>`1`.as('one'))
    .whereRef('body.request_id', '=', sql.ref('event.request_id'));
}

/** `%`, `_` and `\` match themselves in the search text. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
