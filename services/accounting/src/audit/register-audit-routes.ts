import { auditPageSchema, auditQuerySchema } from '@switchyard/contracts';
import { listAuditRows, toAuditEntryJson } from '@switchyard/db';
import { decodePageCursor, toPage } from '@switchyard/service-kit';
import { adminErrors } from '../admin/admin-errors.js';
import type { AdminRouteDeps } from '../admin/admin-route-deps.js';

/**
 * `GET /admin/v1/audit`: the audit log of team and key changes, newest first, filtered by actor,
 * action, target and time. An admin sees every row; a team_admin only its own team's.
 */
export function registerAuditRoutes(deps: Pick<AdminRouteDeps, 'db' | 'router'>): void {
  const { db, router } = deps;
  router.route({
    method: 'GET',
    path: '/admin/v1/audit',
    summary: 'The audit log of team and key changes (a team_admin sees its own team)',
    access: 'team_admin',
    query: auditQuerySchema,
    response: { status: 200, description: 'A page of audit entries.', schema: auditPageSchema },
    handler: async ({ caller, query }) => {
      let teamId = query.team_id;
      if (caller.role !== 'admin') {
        if (teamId !== undefined && teamId !== caller.teamId) throw adminErrors.forbiddenTeam();
        teamId = caller.teamId ?? undefined;
      }
      const rows = await listAuditRows(db, 'accounting.audit_log', {
        actor: query.actor,
        action: query.action,
        targetType: query.target_type,
        targetId: query.target_id,
        teamId,
        from: query.from,
        to: query.to,
        cursor: query.cursor === undefined ? undefined : decodePageCursor(query.cursor),
        limit: query.limit,
      });
      return toPage(rows, query.limit, toAuditEntryJson);
    },
  });
}
