import type { FastifyInstance } from 'fastify';
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
  registerModelRoutes(app, deps);
  registerProviderRoutes(app, deps);
  registerCredentialRoutes(app, deps);
  registerSyncRoutes(app, deps);
  const openapi = buildCatalogOpenapi();
  app.get('/admin/v1/catalog/openapi.json', async () => openapi);
}
