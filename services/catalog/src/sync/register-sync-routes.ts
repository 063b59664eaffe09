import type { CatalogSyncRun } from '@switchyard/db';
import { apiErrors } from '@switchyard/service-kit';
import type { FastifyInstance } from 'fastify';
import type { CatalogRouteDeps } from '../admin/catalog-route-deps.js';
import { requireAdmin } from '../admin/require-admin.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `POST /admin/v1/catalog/sync` queues a sync and answers its run id (202);
 * `GET /admin/v1/catalog/sync/{id}` and `/latest` answer a run with its report. Admin only.
 */
export function registerSyncRoutes(app: FastifyInstance, deps: CatalogRouteDeps): void {
  const { db } = deps;

  app.post('/admin/v1/catalog/sync', async (request, reply) => {
    requireAdmin(await deps.authenticate(request));
    const id = await deps.enqueueSync('admin');
    return reply.code(202).send({ id, object: 'catalog.sync_run', status: 'queued' });
  });

  app.get('/admin/v1/catalog/sync/:id', async (request) => {
    requireAdmin(await deps.authenticate(request));
    const id =
      typeof request.params === 'object' && request.params !== null && 'id' in request.params
        ? String(request.params.id)
        : '';
    const run =
      id === 'latest'
        ? await db
            .selectFrom('catalog.sync_runs')
            .selectAll()
            .orderBy('created_at', 'desc')
            .limit(1)
            .executeTakeFirst()
        : UUID.test(id)
          ? await db
              .selectFrom('catalog.sync_runs')
              .selectAll()
              .where('id', '=', id)
              .executeTakeFirst()
          : undefined;
    if (run === undefined) throw apiErrors.notFound(`No sync run '${id}'.`);
    return toSyncRunJson(run);
  });
}

function toSyncRunJson(run: CatalogSyncRun) {
  return {
    id: run.id,
    object: 'catalog.sync_run',
    trigger: run.trigger,
    status: run.status,
    catalog_version: run.catalog_version,
    created_at: run.created_at.toISOString(),
    started_at: run.started_at?.toISOString() ?? null,
    finished_at: run.finished_at?.toISOString() ?? null,
    report: run.report,
  };
}
