import type { AuditLogRow } from '../tables/audit-log-table.js';

/** An audit row as the admin API answers it (`auditEntryJsonSchema` in contracts). */
export function toAuditEntryJson(row: AuditLogRow) {
  return {
    id: row.id,
    object: 'audit_entry' as const,
    occurred_at: row.occurred_at.toISOString(),
    actor: { key_id: row.actor_key_id, subject: row.actor_subject, role: row.actor_role },
    action: row.action,
    target: { type: row.target_type, id: row.target_id },
    team_id: row.team_id,
    before: row.before,
    after: row.after,
    request_id: row.request_id,
    source_ip: row.source_ip,
  };
}
