import type { Tables } from '@switchyard/db';
import { type Kysely, sql } from 'kysely';

/** Options of {@link pruneUsageEvents}. */
export interface PruneUsageEventsOptions {
  /** Rows deleted per statement, so no single statement holds locks for long; default 10 000. */
  batchSize?: number;
  /** The clock; default `new Date()`. */
  now?: Date;
}

/**
 * Deletes ledger rows that finished more than `olderThanDays` days ago, in chunks. The daily
 * rollups are kept (they are small): summaries over pruned days still answer. Returns how many
 * rows were deleted.
 */
export async function pruneUsageEvents(
  db: Kysely<Tables>,
  olderThanDays: number,
  options: PruneUsageEventsOptions = {},
): Promise<number> {
  if (!Number.isInteger(olderThanDays) || olderThanDays < 1) {
    throw new RangeError(`olderThanDays must be a whole number of days ≥ 1: ${olderThanDays}`);
  }
  const batchSize = options.batchSize ?? 10_000;
  const cutoff = new Date((options.now ?? new Date()).getTime() - olderThanDays * 86_400_000);
  let deleted = 0;
  for (;;) {
    const result = await db
      .deleteFrom('accounting.usage_events')
      .where(
        'request_id',
        'in',
        db
          .selectFrom('accounting.usage_events')
          .select('request_id')
          .where('finished_at', '<', sql<Date>`${cutoff.toISOString()}::timestamptz`)
          .limit(batchSize),
      )
      .executeTakeFirst();
    const count = Number(result.numDeletedRows);
    deleted += count;
    if (count < batchSize) return deleted;
  }
}
