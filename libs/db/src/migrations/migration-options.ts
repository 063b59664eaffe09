import type { Migration } from 'kysely';

/** Overrides for the migration functions; the default is the schema's own static list. */
export interface MigrationOptions {
  /** Migrations by name to use instead of the schema's own (tests simulate a newer release). */
  readonly migrations?: Readonly<Record<string, Migration>>;
}
