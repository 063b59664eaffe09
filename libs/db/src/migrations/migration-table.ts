/** Each schema keeps kysely's migration table (and its lock table) inside itself. */
export const MIGRATION_TABLE = 'kysely_migration';

/** kysely's lock table beside {@link MIGRATION_TABLE}. */
export const MIGRATION_LOCK_TABLE = 'kysely_migration_lock';
