import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { SchemaName } from '../schemas.js';
import type { MigrationOptions } from './migration-options.js';
import { MIGRATION_LOCK_TABLE, MIGRATION_TABLE } from './migration-table.js';
import { schemaMigrations } from './schema-migrations.js';

/** The migrations {@link createSchemaMigrator} runs for `schema`. */
export function resolveMigrations(
  schema: SchemaName,
  options: MigrationOptions = {},
): Readonly<Record<string, Migration>> {
  return options.migrations ?? schemaMigrations[schema];
}

/** A kysely Migrator for one schema, its migration table inside that schema. */
export function createSchemaMigrator<T>(
  db: Kysely<T>,
  schema: SchemaName,
  options: MigrationOptions = {},
): Migrator {
  const migrations = resolveMigrations(schema, options);
  const provider: MigrationProvider = { getMigrations: async () => ({ ...migrations }) };
  return new Migrator({
    db,
    provider,
    migrationTableSchema: schema,
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: MIGRATION_LOCK_TABLE,
  });
}
