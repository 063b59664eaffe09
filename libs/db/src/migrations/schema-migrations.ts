import type { Migration } from 'kysely';
import type { SchemaName } from '../schemas.js';
import { accountingMigrations } from './accounting/accounting-migrations.js';
import { catalogMigrations } from './catalog/catalog-migrations.js';

/** Each schema's migrations by name; names sort in the order they run. */
export const schemaMigrations: Readonly<Record<SchemaName, Readonly<Record<string, Migration>>>> = {
  accounting: accountingMigrations,
  catalog: catalogMigrations,
};
