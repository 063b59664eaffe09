import type { Kysely } from 'kysely';
import type { SchemaName } from '../schemas.js';
import { createSchemaMigrator } from './create-schema-migrator.js';
import type { MigrationOptions } from './migration-options.js';
import type { MigrationStep } from './migration-step.js';
import { runMigrator } from './run-migrator.js';

/**
 * Reverts the latest applied migration of `schema` (one step). Returns the step (none when
 * nothing is applied); throws {@link MigrationError} on failure.
 */
export function migrateDown<T>(
  db: Kysely<T>,
  schema: SchemaName,
  options: MigrationOptions = {},
): Promise<MigrationStep[]> {
  const migrator = createSchemaMigrator(db, schema, options);
  return runMigrator(schema, () => migrator.migrateDown());
}
