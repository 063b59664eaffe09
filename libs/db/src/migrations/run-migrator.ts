import type { MigrationResultSet } from 'kysely';
import type { SchemaName } from '../schemas.js';
import { MigrationError } from './migration-error.js';
import { type MigrationStep, toMigrationStep } from './migration-step.js';

/** The steps of a kysely run, or a {@link MigrationError} when it failed. */
export async function runMigrator(
  schema: SchemaName,
  run: () => Promise<MigrationResultSet>,
): Promise<MigrationStep[]> {
  const { error, results = [] } = await run();
  const steps = results.map(toMigrationStep);
  if (error !== undefined) {
    throw new MigrationError(schema, steps, error);
  }
  return steps;
}
