import type { Tables } from '@switchyard/db';
import type { Kysely } from 'kysely';
import { type PruneOptions, pruneOlderThan } from './prune-older-than.js';

/**
 * Deletes the logged bodies (`accounting.request_bodies`) of requests that finished more than
 * `olderThanDays` days ago, in chunks (1 000 by default: a row may hold MiBs); the ledger rows
 * stay. Returns how many were deleted.
 */
export async function pruneRequestBodies(
  db: Kysely<Tables>,
  olderThanDays: number,
  options: PruneOptions = {},
): Promise<number> {
  return pruneOlderThan(db, 'accounting.request_bodies', olderThanDays, {
    ...options,
    batchSize: options.batchSize ?? 1_000,
  });
}
