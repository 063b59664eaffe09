import type { Migration } from 'kysely';

/**
 * Schema `catalog`'s migrations by name, oldest first. Empty until the catalog issue adds its
 * tables; migrating still creates the schema and its migration table.
 */
export const catalogMigrations: Readonly<Record<string, Migration>> = {};
