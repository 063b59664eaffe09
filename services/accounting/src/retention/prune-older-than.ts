import type { Tables } from '@switchyard/db';
import { type Kysely, sql } from 'kysely';

/** The tables pruned by age: keyed by `request_id`, aged by `finished_at`. */
export type PrunedTable = 'accounting.usage_events' | 'accounting.request_bodies';

/** Options of a prune. */
export interface PruneOptions {
  /** Rows deleted per statement, so no single statement holds locks for long. */
  batchSize?: number;
  /** The clock; default `new Date()`. */
  now?: Date;
}

/**
 * Deletes the rows of `table` that finished more than `olderThanDays` days ago, `batchSize` at
 * a time (default 10 000). Returns how many rows were deleted.
 */
export async function pruneOlderThan(
  db: Kysely<Tables>,
  table: PrunedTable,
  olderThanDays: number,
  options: PruneOptions = {},
): Promise<number> {
  if (!Number.isInteger(olderThanDays) || olderThanDays < 1) {
    throw new RangeError(`olderThanDays must be a whole number of days ≥ 1: ${olderThanDays}`);
  }
  const batchSize = options.batchSize ?? 10_000;
  const cutoff = new Date((options.now ?? new Date()).getTime() - olderThanDays * 86_400_000);
  let deleted = 0;
  for (;;) {
    const result = await db
      .deleteFrom(table)
      .where(
        'request_id',
        'in',
        db
          .selectFrom(table)
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
