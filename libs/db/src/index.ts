export {
  type AuditActorColumns,
  type AuditEntry,
  insertAuditEntry,
} from './audit/insert-audit-entry.js';
export { type AuditFilter, type AuditLogPageRow, listAuditRows } from './audit/list-audit-rows.js';
export { pruneAuditLog } from './audit/prune-audit-log.js';
export { REDACTED, redactAuditValue } from './audit/redact-audit-value.js';
export { toAuditEntryJson } from './audit/to-audit-entry-json.js';
export { createDatabase } from './create-database.js';
export type { Database, DatabaseKind } from './database.js';
export {
  type DatabaseOptions,
  type PgliteDatabaseOptions,
  type PostgresDatabaseOptions,
  STANDALONE_PGLITE_DATA_DIR,
} from './database-options.js';
export { isUniqueViolation } from './is-unique-violation.js';
export { assertSchemaCurrent } from './migrations/assert-schema-current.js';
export { migrateDown } from './migrations/migrate-down.js';
export { migrateToLatest } from './migrations/migrate-to-latest.js';
export { MigrationError } from './migrations/migration-error.js';
export type { MigrationOptions } from './migrations/migration-options.js';
export {
  type AppliedMigration,
  migrationStatus,
  type SchemaMigrationStatus,
} from './migrations/migration-status.js';
export type { MigrationStep } from './migrations/migration-step.js';
export { SchemaNotCurrentError } from './migrations/schema-not-current-error.js';
export { findLiveApiKey, type LiveApiKey } from './queries/find-live-api-key.js';
export { hashKeySecret } from './queries/hash-key-secret.js';
export { sumBudgetSpend } from './queries/sum-budget-spend.js';
export { type KeysetCursor, whereAfterCursor } from './queries/where-after-cursor.js';
export { isSchemaName, SCHEMAS, type SchemaName } from './schemas.js';
export type {
  AlertDeliveriesTable,
  AlertDelivery,
  AlertDeliveryStatus,
  AlertDeliveryUpdate,
  NewAlertDelivery,
} from './tables/alert-deliveries-table.js';
export type {
  AlertWebhook,
  AlertWebhookFormat,
  AlertWebhooksTable,
  NewAlertWebhook,
} from './tables/alert-webhooks-table.js';
export {
  API_KEY_ROLES,
  type ApiKey,
  type ApiKeyRole,
  type ApiKeysTable,
  type ApiKeyUpdate,
  BUDGET_PERIODS,
  type BudgetPeriod,
  type ModelLimits,
  type NewApiKey,
} from './tables/api-keys-table.js';
export type {
  AuditLogRow,
  AuditLogTable,
  AuditLogTableName,
  NewAuditLogRow,
} from './tables/audit-log-table.js';
export type {
  BudgetAlert,
  BudgetAlertKind,
  BudgetAlertsTable,
  NewBudgetAlert,
} from './tables/budget-alerts-table.js';
export type {
  CatalogAlias,
  CatalogAliasesTable,
  NewCatalogAlias,
} from './tables/catalog-aliases-table.js';
export type {
  CatalogCredential,
  CatalogCredentialsTable,
  CatalogCredentialUpdate,
  NewCatalogCredential,
} from './tables/catalog-credentials-table.js';
export type {
  CatalogModel,
  CatalogModelsTable,
  CatalogModelUpdate,
  ModelModalities,
  NewCatalogModel,
} from './tables/catalog-models-table.js';
export type {
  CatalogPrice,
  CatalogPricesTable,
  NewCatalogPrice,
} from './tables/catalog-prices-table.js';
export type {
  CatalogProvider,
  CatalogProvidersTable,
  CatalogProviderUpdate,
  NewCatalogProvider,
} from './tables/catalog-providers-table.js';
export type {
  CatalogRoute,
  CatalogRoutesTable,
  NewCatalogRoute,
  RoutePricing,
} from './tables/catalog-routes-table.js';
export type {
  CatalogSourceState,
  CatalogSourceStatesTable,
} from './tables/catalog-source-states-table.js';
export type {
  CatalogSyncRun,
  CatalogSyncRunStatus,
  CatalogSyncRunsTable,
  CatalogSyncRunUpdate,
  NewCatalogSyncRun,
} from './tables/catalog-sync-runs-table.js';
export type { CatalogTables } from './tables/catalog-tables.js';
export type {
  CatalogVersion,
  CatalogVersionsTable,
  NewCatalogVersion,
} from './tables/catalog-versions-table.js';
export type {
  Defaulted,
  DefaultedTimestamp,
  GeneratedId,
  NullableColumn,
  NullableTimestamp,
} from './tables/column-types.js';
export type { JsonObject, JsonValue } from './tables/json-value.js';
export {
  DEFAULT_ORGANIZATION_ID,
  type NewOrganization,
  type Organization,
  type OrganizationsTable,
  type OrganizationUpdate,
} from './tables/organizations-table.js';
export type {
  NewRequestBodiesRow,
  RequestBodiesRow,
  RequestBodiesTable,
} from './tables/request-bodies-table.js';
export type { AccountingTables, Tables } from './tables/tables.js';
export type { NewTeam, Team, TeamsTable, TeamUpdate } from './tables/teams-table.js';
export type { UsageDailyRow, UsageDailyTable } from './tables/usage-daily-table.js';
export type {
  BigintColumn,
  NewUsageEventRow,
  NullableUsdColumn,
  UsageEventRow,
  UsageEventsTable,
} from './tables/usage-events-table.js';
export { type WaitForDatabaseOptions, waitForDatabase } from './wait-for-database.js';
