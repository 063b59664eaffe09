import type { Tables } from '@switchyard/db';
import type { Kysely } from 'kysely';
import { type PruneOptions, pruneOlderThan } from './prune-older-than.js';

/** Options of {@link pruneUsageEvents}. */
export type PruneUsageEventsOptions = PruneOptions;

/**
 * Deletes ledger rows that finished more than `olderThanDays` days ago, in chunks (10 000 by
 * default). The daily rollups are kept (they are small): summaries over pruned days still
 * answer. Returns how many rows were deleted.
 */
export async function pruneUsageEvents(
  db: Kysely<Tables>,
  olderThanDays: number,
  options: PruneUsageEventsOptions = {},
): Promise<number> {
  return pruneOlderThan(db, 'accounting.usage_events', olderThanDays, options);
}
