import type { Kysely } from 'kysely';
import type { SchemaName } from '../schemas.js';
import type { MigrationOptions } from './migration-options.js';
import { migrationStatus, type SchemaMigrationStatus } from './migration-status.js';
import { SchemaNotCurrentError } from './schema-not-current-error.js';

/**
 * Throws {@link SchemaNotCurrentError} naming the pending (or unknown) migrations unless
 * `schema` matches this code exactly; services call it before reporting ready.
 */
export async function assertSchemaCurrent<T>(
  db: Kysely<T>,
  schema: SchemaName,
  options: MigrationOptions = {},
): Promise<SchemaMigrationStatus> {
  const status = await migrationStatus(db, schema, options);
  if (status.pending.length > 0 || status.unknown.length > 0) {
    throw new SchemaNotCurrentError(status);
  }
  return status;
}
