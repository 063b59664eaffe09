import { type Kysely, sql } from 'kysely';
import { type KeysetCursor, whereAfterCursor } from '../queries/where-after-cursor.js';
import type { AuditLogRow, AuditLogTableName } from '../tables/audit-log-table.js';
import type { Tables } from '../tables/tables.js';

/** What an audit listing may be narrowed to (each filter optional, all combined with AND). */
export interface AuditFilter {
  /** A key id or an SSO subject. */
  actor?: string | undefined;
  /** An exact action, or `<target>.*`. */
  action?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  teamId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  cursor?: KeysetCursor | undefined;
  limit: number;
}

/** An audit row with its `occurred_at` as Postgres text: the page cursor keeps full precision. */
export type AuditLogPageRow = AuditLogRow & { cursor_created_at: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Up to `limit + 1` rows of `table`, newest first, after `cursor` (the extra one says "more"). */
export async function listAuditRows(
  db: Kysely<Tables>,
  table: AuditLogTableName,
  filter: AuditFilter,
): Promise<AuditLogPageRow[]> {
  const { actor, action, targetType, targetId, teamId, from, to } = filter;
  let query = db
    .selectFrom(table)
    .selectAll()
    .select(sql<string>`occurred_at::text`.as('cursor_created_at'));
  if (actor !== undefined) {
    query = query.where((eb) =>
      UUID.test(actor)
        ? eb.or([eb('actor_key_id', '=', actor), eb('actor_subject', '=', actor)])
        : eb('actor_subject', '=', actor),
    );
  }
  if (action?.endsWith('.*') === true) {
    query = query.where('target_type', '=', action.slice(0, -2));
  } else if (action !== undefined) {
    query = query.where('action', '=', action);
  }
  if (targetType !== undefined) query = query.where('target_type', '=', targetType);
  if (targetId !== undefined) query = query.where('target_id', '=', targetId);
  if (teamId !== undefined) query = query.where('team_id', '=', teamId);
  if (from !== undefined) query = query.where('occurred_at', '>=', new Date(from));
  if (to !== undefined) query = query.where('occurred_at', '<', new Date(to));
  return whereAfterCursor(query, filter.cursor, { column: 'occurred_at', order: 'desc' })
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit + 1)
    .execute();
}
