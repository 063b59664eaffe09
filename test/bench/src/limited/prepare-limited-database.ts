import { createDatabase, migrateToLatest } from '@switchyard/db';
import { createFreshPostgresDatabase } from '@switchyard/testing';
import type { BenchLimits } from './bench-limits.js';
import { seedBenchKey } from './seed-bench-key.js';

/** A fresh accounting database holding one bench key; `drop` removes the whole database. */
export interface LimitedDatabase {
  /** The database's URL, for the gateway's DATABASE_URL. */
  readonly url: string;
  readonly name: string;
  /** The seeded key's secret, `sk-sy-…`. */
  readonly secret: string;
  drop(): Promise<void>;
}

/**
 * Creates a database of its own on the server `serverUrl` points at, migrates accounting's
 * schema and seeds the bench key. On failure the database is dropped again before rejecting.
 */
export async function prepareLimitedDatabase(options: {
  serverUrl: string;
  pepper: string;
  model: string;
  limits: BenchLimits;
}): Promise<LimitedDatabase> {
  const fresh = await createFreshPostgresDatabase(options.serverUrl);
  const database = createDatabase({ url: fresh.url });
  let secret: string;
  try {
    await migrateToLatest(database.db, 'accounting');
    secret = await seedBenchKey(database.db, options);
  } catch (error: unknown) {
    await database.close();
    await fresh.drop();
    throw error;
  }
  // The gateway reads the key itself; the bench keeps no connection open during the run.
  await database.close();
  return { url: fresh.url, name: fresh.name, secret, drop: () => fresh.drop() };
}
