import type { NewUsageEventRow, Tables } from '@switchyard/db';
import { type Kysely, sql } from 'kysely';

/**
 * Moves each key's `last_used_at` to its newest request in the batch, never back. Runs after the
 * ledger write as a convenience for the key list (the ledger is the record): one statement per
 * batch instead of a write per request on the gateway's hot path.
 */
export async function touchKeysLastUsed(
  db: Kysely<Tables>,
  rows: readonly NewUsageEventRow[],
): Promise<void> {
  const latest = new Map<string, number>();
  for (const row of rows) {
    if (row.key_id === null || row.key_id === undefined) continue;
    const finishedAt = new Date(row.finished_at).getTime();
    if (finishedAt > (latest.get(row.key_id) ?? Number.NEGATIVE_INFINITY)) {
      latest.set(row.key_id, finishedAt);
    }
  }
  if (latest.size === 0) return;
  // In id order, so replicas updating overlapping keys take their row locks alike.
  const ids = [...latest.keys()].sort();
  const times = ids.map((id) => new Date(latest.get(id) ?? 0).toISOString());
  await sql`
    update accounting.api_keys as key
    set last_used_at = used.at
    from (select * from unnest(${ids}::uuid[], ${times}::timestamptz[]) as used(id, at)
          order by used.id) as used
    where key.id = used.id and (key.last_used_at is null or key.last_used_at < used.at)
  `.execute(db);
}
