import type { Migration } from 'kysely';
import * as createCatalog from './2026-11-23T1200-create-catalog.js';
import * as addAuditLog from './2026-12-06T0000-add-audit-log.js';
import * as addCacheWrite1h from './2026-12-06T0300-add-cache-write-1h.js';

/**
 * Schema `catalog`'s migrations by name, oldest first. Listed statically (no directory scan) so
 * they survive bundling; a new migration is a new file plus a line here.
 */
export const catalogMigrations: Readonly<Record<string, Migration>> = {
  '2026-11-23T1200-create-catalog': createCatalog,
  '2026-12-06T0000-add-audit-log': addAuditLog,
  '2026-12-06T0300-add-cache-write-1h': addCacheWrite1h,
};
