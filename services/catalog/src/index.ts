export type { EncryptedSecret } from '@switchyard/config';
export {
  createEncryptionKeyring,
  decryptSecret,
  type EncryptionKey,
  type EncryptionKeyring,
  encryptSecret,
  parseEncryptionKey,
  SecretDecryptionError,
} from '@switchyard/config';
export type { CatalogRouteDeps } from './admin/catalog-route-deps.js';
export { registerCatalogAdminRoutes } from './admin/register-catalog-admin-routes.js';
export {
  buildCatalogApp,
  type CatalogApp,
  type CatalogAppOptions,
  type CatalogOverrides,
} from './app.js';
export { type CatalogConfig, loadCatalogConfig, loadCatalogSyncConfig } from './config.js';
export {
  type CatalogService,
  type CatalogStartConfig,
  type CatalogStores,
  type CatalogSyncMode,
  type StartCatalogOptions,
  startCatalog,
} from './start-catalog.js';
export { type CatalogSyncMetrics, createCatalogSyncMetrics } from './sync/catalog-sync-metrics.js';
export {
  type PublishCatalogDeps,
  type PublishedCatalog,
  publishCatalog,
} from './sync/publish/publish-catalog.js';
export {
  type CatalogSyncDeps,
  type RunCatalogSyncOptions,
  runCatalogSync,
} from './sync/run-catalog-sync.js';
export {
  type InProcessSync,
  type InProcessSyncOptions,
  startInProcessSync,
} from './sync/start-in-process-sync.js';
// Nothing of `sync/start-sync-scheduler.ts` is exported: it loads BullMQ and ioredis, which only
// a catalog with Redis imports (`start-catalog.ts`), so a standalone never loads them.
export type { SyncLogger } from './sync/sync-logger.js';
export type { SourceReport, SyncReport } from './sync/sync-report.js';
