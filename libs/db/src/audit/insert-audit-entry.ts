import type { Kysely } from 'kysely';
import type { AuditLogTableName } from '../tables/audit-log-table.js';
import type { Tables } from '../tables/tables.js';
import { redactAuditValue } from './redact-audit-value.js';

/** Who made a change, and through which request (service-kit's `auditActorOf` builds it). */
export interface AuditActorColumns {
  keyId: string | null;
  /** An SSO session's subject; null for key callers. */
  subject: string | null;
  role: string;
  requestId: string;
  sourceIp: string | null;
}

/** One admin mutation, as its audit row records it. */
export interface AuditEntry {
  actor: AuditActorColumns;
  /** `<target>.<verb>`: `team.create`, `key.rotate`, `credential.delete`, … */
  action: string;
  targetType: string;
  targetId: string;
  /** The target's team (a team_admin sees its team's rows); null for catalog targets. */
  teamId: string | null;
  /** The target as the admin API shows it; null on create (before) and delete (after). */
  before: unknown;
  after: unknown;
}

/**
 * Appends one row to `table`. Pass the mutation's transaction as `db`, so the row commits with the
 * change or not at all. Secret-named fields in `before`/`after` are redacted.
 */
export async function insertAuditEntry(
  db: Kysely<Tables>,
  table: AuditLogTableName,
  entry: AuditEntry,
): Promise<void> {
  await db
    .insertInto(table)
    .values({
      actor_key_id: entry.actor.keyId,
      actor_subject: entry.actor.subject,
      actor_role: entry.actor.role,
      team_id: entry.teamId,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId,
      before: entry.before === null ? null : redactAuditValue(entry.before),
      after: entry.after === null ? null : redactAuditValue(entry.after),
      request_id: entry.actor.requestId,
      source_ip: entry.actor.sourceIp,
    })
    .execute();
}
