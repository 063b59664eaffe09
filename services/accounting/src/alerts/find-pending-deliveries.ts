import type { Tables } from '@switchyard/db';
import type { Kysely } from 'kysely';

/**
 * Deliveries recorded over `olderThanMs` ago and never tried: their enqueue was lost (a crash
 * between the alert's commit and the queue). At most 500 per call.
 */
export async function findPendingDeliveries(
  db: Kysely<Tables>,
  nowMs: number,
  olderThanMs = 60_000,
): Promise<string[]> {
  const rows = await db
    .selectFrom('accounting.alert_deliveries')
    .select('id')
    .where('status', '=', 'pending')
    .where('attempts', '=', 0)
    .where('created_at', '<', new Date(nowMs - olderThanMs))
    .orderBy('created_at')
    .limit(500)
    .execute();
  return rows.map((row) => row.id);
}
