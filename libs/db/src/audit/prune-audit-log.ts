import { type Kysely, sql } from 'kysely';
import type { AuditLogTableName } from '../tables/audit-log-table.js';
import type { Tables } from '../tables/tables.js';

/**
 * Deletes the rows of `table` older than `olderThanDays` days (`now` minus whole days), in
 * batches of `batchSize`. The only path that deletes audit rows: each batch runs in a transaction
 * that sets `switchyard.audit_prune`, which the append-only trigger lets through.
 */
export async function pruneAuditLog(
  db: Kysely<Tables>,
  table: AuditLogTableName,
  olderThanDays: number,
  options: { batchSize?: number; now?: Date } = {},
): Promise<number> {
  if (!Number.isInteger(olderThanDays) || olderThanDays < 1) {
    throw new RangeError(`olderThanDays must be a whole number of days ≥ 1: ${olderThanDays}`);
  }
  const batchSize = options.batchSize ?? 10_000;
  const cutoff = new Date((options.now ?? new Date()).getTime() - olderThanDays * 86_400_000);
  let deleted = 0;
  for (;;) {
    const count = await db.transaction().execute(async (trx) => {
      await sql`select set_config('switchyard.audit_prune', 'on', true)`.execute(trx);
      const result = await trx
        .deleteFrom(table)
        .where(
          'id',
          'in',
          trx
            .selectFrom(table)
            .select('id')
            .where('occurred_at', '<', sql<Date>`${cutoff.toISOString()}::timestamptz`)
            .limit(batchSize),
        )
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    });
    deleted += count;
    if (count < batchSize) return deleted;
  }
}
