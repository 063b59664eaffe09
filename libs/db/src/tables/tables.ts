import type { ApiKeysTable } from './api-keys-table.js';
import type { OrganizationsTable } from './organizations-table.js';
import type { TeamsTable } from './teams-table.js';

/** The tables of schema `accounting`, keyed as kysely addresses them (`schema.table`). */
export interface AccountingTables {
  'accounting.organizations': OrganizationsTable;
  'accounting.teams': TeamsTable;
  'accounting.api_keys': ApiKeysTable;
}

/** Every table Switchyard owns; the catalog's tables join here when its schema is filled. */
export type Tables = AccountingTables;
