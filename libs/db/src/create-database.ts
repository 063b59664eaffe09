import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from './database.js';
import type { DatabaseOptions } from './database-options.js';
import { openPglite } from './pglite/open-pglite.js';
import { PgliteDialect } from './pglite/pglite-dialect.js';
import type { Tables } from './tables/tables.js';

/**
 * Opens Postgres through a bounded `pg` pool (`{ url }`) or PGlite in-process
 * (`{ pglite: { dataDir } }`, one instance per data directory per process). Nothing connects
 * here: the first query does (PGlite's first start initialises a cluster, several seconds).
 */
export function createDatabase(options: DatabaseOptions): Database<Tables> {
  if ('url' in options) {
    const db = new Kysely<Tables>({
      // `pg` is loaded with the first query, so a process on PGlite never loads it.
      dialect: new PostgresDialect({
        pool: async () =>
          (await import('./postgres/create-postgres-pool.js')).createPostgresPool(options),
      }),
    });
    let closing: Promise<void> | undefined;
    return {
      db,
      kind: 'postgres',
      close: () => {
        closing ??= db.destroy();
        return closing;
      },
    };
  }
  const lease = openPglite(options.pglite.dataDir, options.pglite.closeTimeoutMs);
  const db = new Kysely<Tables>({ dialect: new PgliteDialect(lease.shared) });
  let closing: Promise<void> | undefined;
  return {
    db,
    kind: 'pglite',
    close: () => {
      closing ??= db.destroy().then(() => lease.release());
      return closing;
    },
  };
}
