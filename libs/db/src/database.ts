import type { Kysely } from 'kysely';
import type { Tables } from './tables/tables.js';

/** Which engine is behind a {@link Database}. */
export type DatabaseKind = 'postgres' | 'pglite';

/** An open database: the kysely instance to query, and how to close it. */
export interface Database<T = Tables> {
  /**
   * The query builder. On PGlite there is one session: inside a transaction use its `trx`,
   * never `db` again, or the query waits for the transaction forever.
   */
  readonly db: Kysely<T>;
  readonly kind: DatabaseKind;
  /** Ends the pool (Postgres) or lets go of the PGlite instance; idempotent. */
  close(): Promise<void>;
}
