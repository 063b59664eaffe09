import type { AuditLogTable } from './audit-log-table.js';
import type { CatalogAliasesTable } from './catalog-aliases-table.js';
import type { CatalogCredentialsTable } from './catalog-credentials-table.js';
import type { CatalogModelsTable } from './catalog-models-table.js';
import type { CatalogPricesTable } from './catalog-prices-table.js';
import type { CatalogProvidersTable } from './catalog-providers-table.js';
import type { CatalogRoutesTable } from './catalog-routes-table.js';
import type { CatalogSourceStatesTable } from './catalog-source-states-table.js';
import type { CatalogSyncRunsTable } from './catalog-sync-runs-table.js';
import type { CatalogVersionsTable } from './catalog-versions-table.js';

/** The tables of schema `catalog`, keyed as kysely addresses them (`schema.table`). */
export interface CatalogTables {
  'catalog.providers': CatalogProvidersTable;
  'catalog.credentials': CatalogCredentialsTable;
  'catalog.models': CatalogModelsTable;
  'catalog.routes': CatalogRoutesTable;
  'catalog.prices': CatalogPricesTable;
  'catalog.aliases': CatalogAliasesTable;
  'catalog.catalog_versions': CatalogVersionsTable;
  'catalog.sync_runs': CatalogSyncRunsTable;
  'catalog.source_states': CatalogSourceStatesTable;
  'catalog.audit_log': AuditLogTable;
}
