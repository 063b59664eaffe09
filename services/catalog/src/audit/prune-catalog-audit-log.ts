import { pruneAuditLog, type Tables } from '@switchyard/db';
import type { Kysely } from 'kysely';

/**
 * Deletes `catalog.audit_log` rows older than `retentionDays` days before `now` (0 keeps them
 * all), through libs/db's `pruneAuditLog`: the one delete the append-only trigger lets through.
 * Returns how many rows were deleted.
 */
export async function pruneCatalogAuditLog(
  db: Kysely<Tables>,
  retentionDays: number,
  now: Date,
): Promise<number> {
  if (retentionDays === 0) return 0;
  return pruneAuditLog(db, 'catalog.audit_log', retentionDays, { now });
}
