import type { SchemaName } from '../schemas.js';
import type { MigrationStep } from './migration-step.js';

/** A migration run failed; nothing of it was kept (Postgres runs the whole run in one transaction). */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';
  readonly schema: SchemaName;
  /** The migration that failed, if the run got as far as one. */
  readonly migrationName: string | undefined;
  readonly steps: readonly MigrationStep[];

  constructor(schema: SchemaName, steps: readonly MigrationStep[], cause: unknown) {
    const failed = steps.find((step) => step.status === 'error')?.name;
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      failed === undefined
        ? `migrating schema ${schema} failed: ${reason}`
        : `migration ${failed} of schema ${schema} failed: ${reason}`,
      { cause },
    );
    this.schema = schema;
    this.migrationName = failed;
    this.steps = steps;
  }
}
