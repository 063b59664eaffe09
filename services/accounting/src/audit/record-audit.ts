import { insertAuditEntry, type Tables } from '@switchyard/db';
import { type AdminCaller, auditActorOf } from '@switchyard/service-kit';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';

/** One change to a team, key or spend-alert webhook, as its audit row describes it. */
export interface AccountingAuditChange {
  action: `${'team' | 'key' | 'alert_webhook'}.${string}`;
  targetId: string;
  /**
   * The team the target is (or belongs to): what a team_admin's audit view is scoped by; null for
   * what belongs to no team (a global webhook, seen by admins only).
   */
  teamId: string | null;
  /** The admin API's view of the target; null on create (before) and delete (after). */
  before: unknown;
  after: unknown;
}

/**
 * Appends the audit row of a change to `accounting.audit_log`. Call it with the
 * change's own transaction: the row commits with the change, and a failed change leaves none.
 */
export async function recordAudit(
  trx: Kysely<Tables>,
  input: { caller: AdminCaller; request: FastifyRequest },
  change: AccountingAuditChange,
): Promise<void> {
  await insertAuditEntry(trx, 'accounting.audit_log', {
    actor: auditActorOf(input.caller, input.request),
    action: change.action,
    targetType: change.action.slice(0, change.action.indexOf('.')),
    targetId: change.targetId,
    teamId: change.teamId,
    before: change.before,
    after: change.after,
  });
}
