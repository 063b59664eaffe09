import type { Kysely } from 'kysely';
import type { SchemaName } from '../schemas.js';
import { createSchemaMigrator } from './create-schema-migrator.js';
import type { MigrationOptions } from './migration-options.js';
import type { MigrationStep } from './migration-step.js';
import { runMigrator } from './run-migrator.js';

/**
 * Applies every pending migration of `schema` in one transaction under kysely's advisory lock
 * (concurrent runners wait). Returns the steps taken (none when current); throws
 * {@link MigrationError} on failure.
 */
export function migrateToLatest<T>(
  db: Kysely<T>,
  schema: SchemaName,
  options: MigrationOptions = {},
): Promise<MigrationStep[]> {
  const migrator = createSchemaMigrator(db, schema, options);
  return runMigrator(schema, () => migrator.migrateToLatest());
}
