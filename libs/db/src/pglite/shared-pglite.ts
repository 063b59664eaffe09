import type { PGlite } from '@electric-sql/pglite';
import type { ConnectionMutex } from './connection-mutex.js';

/** One PGlite instance and the lock every kysely instance over it shares. */
export interface SharedPglite {
  readonly pglite: PGlite;
  readonly mutex: ConnectionMutex;
}
