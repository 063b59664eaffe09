import { auditPageSchema, auditQuerySchema } from '@switchyard/contracts';
import { listAuditRows, toAuditEntryJson } from '@switchyard/db';
import { decodePageCursor, toPage } from '@switchyard/service-kit';
import type { CatalogRoutes } from '../admin/catalog-route-deps.js';

/**
 * `GET /admin/v1/catalog/audit` (admin only): the audit log of provider, credential, model
 * (price, alias) and sync-run changes, newest first; the same filters as accounting's
 * `/admin/v1/audit`, which holds team and key changes.
 */
export function registerAuditRoutes(deps: Pick<CatalogRoutes, 'db' | 'router'>): void {
  const { db, router } = deps;
  router.route({
    method: 'GET',
    path: '/admin/v1/catalog/audit',
    summary: 'The audit log of catalog changes',
    access: 'admin',
    query: auditQuerySchema,
    response: { status: 200, description: 'A page of audit entries.', schema: auditPageSchema },
    handler: async ({ query }) => {
      const rows = await listAuditRows(db, 'catalog.audit_log', {
        actor: query.actor,
        action: query.action,
        targetType: query.target_type,
        targetId: query.target_id,
        teamId: query.team_id,
        from: query.from,
        to: query.to,
        cursor: query.cursor === undefined ? undefined : decodePageCursor(query.cursor),
        limit: query.limit,
      });
      return toPage(rows, query.limit, toAuditEntryJson);
    },
  });
}
