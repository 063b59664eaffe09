import type { Migration } from 'kysely';
import * as createAccounts from './2026-11-23T0000-create-accounts.js';
import * as createUsageEvents from './2026-11-23T0100-create-usage-events.js';
import * as addBudgets from './2026-11-23T0200-add-budgets.js';
import * as addRequestLog from './2026-11-23T0300-add-request-log.js';
import * as addClientRequestId from './2026-11-24T0100-add-client-request-id.js';
import * as addAuditLog from './2026-12-06T0000-add-audit-log.js';
import * as addAttribution from './2026-12-06T0100-add-attribution.js';
import * as addSpendAlerts from './2026-12-06T0200-add-spend-alerts.js';

/**
 * Schema `accounting`'s migrations by name, oldest first. Listed statically (no directory
 * scan) so they survive bundling; a new migration is a new file plus a line here.
 */
export const accountingMigrations: Readonly<Record<string, Migration>> = {
  '2026-11-23T0000-create-accounts': createAccounts,
  '2026-11-23T0100-create-usage-events': createUsageEvents,
  '2026-11-23T0200-add-budgets': addBudgets,
  '2026-11-23T0300-add-request-log': addRequestLog,
  '2026-11-24T0100-add-client-request-id': addClientRequestId,
  '2026-12-06T0000-add-audit-log': addAuditLog,
  '2026-12-06T0100-add-attribution': addAttribution,
  '2026-12-06T0200-add-spend-alerts': addSpendAlerts,
};
