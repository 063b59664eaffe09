import type { AlertDeliveriesTable } from './alert-deliveries-table.js';
import type { AlertWebhooksTable } from './alert-webhooks-table.js';
import type { ApiKeysTable } from './api-keys-table.js';
import type { AuditLogTable } from './audit-log-table.js';
import type { BudgetAlertsTable } from './budget-alerts-table.js';
import type { CatalogTables } from './catalog-tables.js';
import type { OrganizationsTable } from './organizations-table.js';
import type { RequestBodiesTable } from './request-bodies-table.js';
import type { TeamsTable } from './teams-table.js';
import type { UsageDailyTable } from './usage-daily-table.js';
import type { UsageEventsTable } from './usage-events-table.js';

/** The tables of schema `accounting`, keyed as kysely addresses them (`schema.table`). */
export interface AccountingTables {
  'accounting.organizations': OrganizationsTable;
  'accounting.teams': TeamsTable;
  'accounting.api_keys': ApiKeysTable;
  'accounting.usage_events': UsageEventsTable;
  'accounting.usage_daily': UsageDailyTable;
  'accounting.request_bodies': RequestBodiesTable;
  'accounting.audit_log': AuditLogTable;
  'accounting.alert_webhooks': AlertWebhooksTable;
  'accounting.budget_alerts': BudgetAlertsTable;
  'accounting.alert_deliveries': AlertDeliveriesTable;
}

/** Every table Switchyard owns. */
export type Tables = AccountingTables & CatalogTables;
