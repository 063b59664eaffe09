import type { ColumnType, Insertable, Selectable } from 'kysely';
import type { GeneratedId } from './column-types.js';
import type { JsonValue } from './json-value.js';

/**
 * `accounting.audit_log` and `catalog.audit_log` (one per owning schema, the same shape): one
 * row per admin mutation, written in the mutation's transaction. Append-only (a trigger refuses
 * UPDATE, TRUNCATE, and DELETE outside retention), hence no column is updatable here either.
 */
export interface AuditLogTable {
  id: GeneratedId;
  occurred_at: ColumnType<Date, Date | string | undefined, never>;
  /** The calling key; null for the master key (and for an SSO session, which has a subject). */
  actor_key_id: ColumnType<string | null, string | null | undefined, never>;
  /** The SSO subject of a session; null for key callers. */
  actor_subject: ColumnType<string | null, string | null | undefined, never>;
  actor_role: ColumnType<string, string, never>;
  /** The team the target belongs to, so a team_admin sees its own team's rows; null for catalog. */
  team_id: ColumnType<string | null, string | null | undefined, never>;
  /** `<target>.<verb>`, e.g. `key.rotate`, `team.update`, `credential.delete`. */
  action: ColumnType<string, string, never>;
  target_type: ColumnType<string, string, never>;
  target_id: ColumnType<string, string, never>;
  /** The target before and after, as the admin API shows it, with secrets redacted. */
  before: ColumnType<JsonValue | null, JsonValue | null | undefined, never>;
  after: ColumnType<JsonValue | null, JsonValue | null | undefined, never>;
  request_id: ColumnType<string, string, never>;
  source_ip: ColumnType<string | null, string | null | undefined, never>;
}

/** An audit row as read. */
export type AuditLogRow = Selectable<AuditLogTable>;
/** An audit row to insert. */
export type NewAuditLogRow = Insertable<AuditLogTable>;
/** The audit tables: each schema records the mutations of what it owns. */
export type AuditLogTableName = 'accounting.audit_log' | 'catalog.audit_log';
