import { createAdminRouter } from '@switchyard/service-kit';
import type { FastifyInstance } from 'fastify';
import { registerAuditRoutes } from '../audit/register-audit-routes.js';
import { registerCredentialRoutes } from '../credentials/register-credential-routes.js';
import { registerModelRoutes } from '../models/register-model-routes.js';
import { registerProviderRoutes } from '../providers/register-provider-routes.js';
import { registerSyncRoutes } from '../sync/register-sync-routes.js';
import { buildCatalogOpenapi } from './build-catalog-openapi.js';
import type { CatalogRouteDeps } from './catalog-route-deps.js';

/**
 * Mounts the catalog's `/admin/v1/…` routes and `/admin/v1/catalog/openapi.json` on `app` (the
 * catalog's own instance, or standalone's shared one).
 */
export function registerCatalogAdminRoutes(app: FastifyInstance, deps: CatalogRouteDeps): void {
  const { authenticate, ...rest } = deps;
  const routes = { ...rest, router: createAdminRouter(app, { authenticate }) };
  registerModelRoutes(routes);
  registerProviderRoutes(routes);
  registerCredentialRoutes(routes);
  registerSyncRoutes(routes);
  registerAuditRoutes(routes);
  const openapi = buildCatalogOpenapi(routes.router.routes);
  app.get('/admin/v1/catalog/openapi.json', async () => openapi);
}
