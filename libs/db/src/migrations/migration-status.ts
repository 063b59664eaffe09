import { type Kysely, sql } from 'kysely';
import type { SchemaName } from '../schemas.js';
import { resolveMigrations } from './create-schema-migrator.js';
import type { MigrationOptions } from './migration-options.js';
import { MIGRATION_TABLE } from './migration-table.js';

/** A migration recorded in the schema's migration table. */
export interface AppliedMigration {
  readonly name: string;
  readonly executedAt: Date;
}

/** Where a schema stands against the migrations this code knows. */
export interface SchemaMigrationStatus {
  readonly schema: SchemaName;
  /** Known migrations already applied, oldest first. */
  readonly applied: readonly AppliedMigration[];
  /** Known migrations not applied yet, in the order they would run. */
  readonly pending: readonly string[];
  /** Applied migrations this code does not know: the database is ahead (a newer release ran). */
  readonly unknown: readonly AppliedMigration[];
}

/** Reads `schema`'s migration table (absent = nothing applied) and compares it with the code. */
export async function migrationStatus<T>(
  db: Kysely<T>,
  schema: SchemaName,
  options: MigrationOptions = {},
): Promise<SchemaMigrationStatus> {
  const known = Object.keys(resolveMigrations(schema, options)).sort();
  const executed = await readAppliedMigrations(db, schema);
  const executedNames = new Set(executed.map((migration) => migration.name));
  const knownNames = new Set(known);
  return {
    schema,
    applied: executed.filter((migration) => knownNames.has(migration.name)),
    pending: known.filter((name) => !executedNames.has(name)),
    unknown: executed.filter((migration) => !knownNames.has(migration.name)),
  };
}

async function readAppliedMigrations<T>(
  db: Kysely<T>,
  schema: SchemaName,
): Promise<AppliedMigration[]> {
  const table = `${schema}.${MIGRATION_TABLE}`;
  const found = await sql<{ regclass: string | null }>`
    select to_regclass(${table})::text as regclass
  `.execute(db);
  if (found.rows[0]?.regclass == null) {
    return [];
  }
  // kysely stores `timestamp` as an ISO string.
  const rows = await sql<{ name: string; timestamp: string }>`
    select name, timestamp from ${sql.table(table)} order by name
  `.execute(db);
  return rows.rows.map((row) => ({ name: row.name, executedAt: new Date(row.timestamp) }));
}
