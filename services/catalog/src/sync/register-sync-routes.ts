import {
  queuedSyncRunJsonSchema,
  type SyncReportJson,
  type SyncRunJson,
  syncRunIdParamSchema,
  syncRunJsonSchema,
} from '@switchyard/contracts';
import type { CatalogSyncRun } from '@switchyard/db';
import { apiErrors } from '@switchyard/service-kit';
import type { CatalogRoutes } from '../admin/catalog-route-deps.js';
import { recordAudit } from '../audit/record-audit.js';

/**
 * `POST /admin/v1/catalog/sync` queues a sync and answers its run id (202);
 * `GET /admin/v1/catalog/sync/{id}` and `/latest` answer a run with its report. Admin only.
 */
export function registerSyncRoutes(deps: CatalogRoutes): void {
  const { db, router } = deps;

  router.route({
    method: 'POST',
    path: '/admin/v1/catalog/sync',
    summary: 'Queue a catalog sync',
    access: 'admin',
    response: { status: 202, description: "The queued run's id.", schema: queuedSyncRunJsonSchema },
    handler: async ({ caller, request }) => {
      const id = await deps.enqueueSync('admin');
      const queued = { id, object: 'catalog.sync_run' as const, status: 'queued' as const };
      // The run row is written by the queue (BullMQ or in-process) before this: a queue cannot
      // join a database transaction, so the audit row follows the enqueue that succeeded.
      await recordAudit(
        db,
        { caller, request },
        {
          action: 'sync_run.create',
          targetId: id,
          before: null,
          after: queued,
        },
      );
      return queued;
    },
  });

  router.route({
    method: 'GET',
    path: '/admin/v1/catalog/sync/{id}',
    summary: 'A sync run and its report (`latest` for the newest)',
    access: 'admin',
    pathParameter: {
      schema: syncRunIdParamSchema,
      notFound: (id: string) => `No sync run '${id}'.`,
    },
    response: { status: 200, description: 'The run.', schema: syncRunJsonSchema },
    handler: async ({ param: id }) => {
      const run =
        id === 'latest'
          ? await db
              .selectFrom('catalog.sync_runs')
              .selectAll()
              .orderBy('created_at', 'desc')
              .limit(1)
              .executeTakeFirst()
          : await db
              .selectFrom('catalog.sync_runs')
              .selectAll()
              .where('id', '=', id)
              .executeTakeFirst();
      if (run === undefined) throw apiErrors.notFound(`No sync run '${id}'.`);
      return toSyncRunJson(run);
    },
  });
}

function toSyncRunJson(run: CatalogSyncRun): SyncRunJson {
  return {
    id: run.id,
    object: 'catalog.sync_run',
    trigger: run.trigger,
    status: run.status,
    catalog_version: run.catalog_version,
    created_at: run.created_at.toISOString(),
    started_at: run.started_at?.toISOString() ?? null,
    finished_at: run.finished_at?.toISOString() ?? null,
    // Written by the sync as its SyncReport (of which these are the fields clients read).
    report: run.report as SyncReportJson,
  };
}
