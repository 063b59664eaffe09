import type { Migration } from 'kysely';
import * as createAccounts from './2026-11-23T0000-create-accounts.js';

/**
 * Schema `accounting`'s migrations by name, oldest first. Listed statically (no directory
 * scan) so they survive bundling; a new migration is a new file plus a line here.
 */
export const accountingMigrations: Readonly<Record<string, Migration>> = {
  '2026-11-23T0000-create-accounts': createAccounts,
};
