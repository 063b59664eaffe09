import type { Tables } from '@switchyard/db';
import { type Kysely, sql } from 'kysely';

/**
 * Deliveries recorded over `olderThanMs` ago and never tried: their enqueue was lost (a crash
 * between the alert's commit and the queue). At most 500 per call. Their age is read on the
 * database's clock, the one that stamped `created_at`: the service's own clock (faked in tests,
 * skewed on a host) would be another one.
 */
export async function findPendingDeliveries(
  db: Kysely<Tables>,
  olderThanMs = 60_000,
): Promise<string[]> {
  const rows = await db
    .selectFrom('accounting.alert_deliveries')
    .select('id')
    .where('status', '=', 'pending')
    .where('attempts', '=', 0)
    .where('created_at', '<', sql<Date>`now() - make_interval(secs => ${olderThanMs / 1_000})`)
    .orderBy('created_at')
    .limit(500)
    .execute();
  return rows.map((row) => row.id);
}
