import type { SchemaName } from '../schemas.js';
import type { SchemaMigrationStatus } from './migration-status.js';

/** The database's schema does not match the migrations this code was built with. */
export class SchemaNotCurrentError extends Error {
  override readonly name = 'SchemaNotCurrentError';
  readonly schema: SchemaName;
  /** Migrations the code has and the database lacks. */
  readonly pending: readonly string[];
  /** Migrations the database has and the code lacks. */
  readonly unknown: readonly string[];

  constructor(status: SchemaMigrationStatus) {
    const pending = status.pending;
    const unknown = status.unknown.map((migration) => migration.name);
    const problems: string[] = [];
    if (pending.length > 0) {
      problems.push(
        `${pending.length} pending migration(s): ${pending.join(', ')} (run the migrate CLI: up --schema ${status.schema})`,
      );
    }
    if (unknown.length > 0) {
      problems.push(
        `${unknown.length} applied migration(s) this release does not know: ${unknown.join(', ')} (the database is from a newer release)`,
      );
    }
    super(`schema ${status.schema} is not current: ${problems.join('; ')}`);
    this.schema = status.schema;
    this.pending = pending;
    this.unknown = unknown;
  }
}
