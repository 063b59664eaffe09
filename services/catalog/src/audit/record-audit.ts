import { insertAuditEntry, type Tables } from '@switchyard/db';
import { type AdminCaller, auditActorOf } from '@switchyard/service-kit';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';

/** The catalog's audited targets. */
export type CatalogAuditTarget = 'provider' | 'credential' | 'model' | 'sync_run';

/** One change to a catalog object, as its audit row describes it. */
export interface CatalogAuditChange {
  action: `${CatalogAuditTarget}.${string}`;
  targetId: string;
  /** The admin API's view of the target (secrets redacted again on insert); null when absent. */
  before: unknown;
  after: unknown;
}

/**
 * Appends the audit row of a catalog change to `catalog.audit_log` (the catalog records what its
 * own schema holds, ARCHITECTURE.md's ownership line). Call it inside the change's transaction.
 */
export async function recordAudit(
  trx: Kysely<Tables>,
  input: { caller: AdminCaller; request: FastifyRequest },
  change: CatalogAuditChange,
): Promise<void> {
  await insertAuditEntry(trx, 'catalog.audit_log', {
    actor: auditActorOf(input.caller, input.request),
    action: change.action,
    targetType: change.action.slice(0, change.action.indexOf('.')),
    targetId: change.targetId,
    teamId: null,
    before: change.before,
    after: change.after,
  });
}
