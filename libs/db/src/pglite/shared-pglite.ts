import type { ConnectionMutex } from './connection-mutex.js';
import type { PgliteSession } from './start-pglite-worker.js';

/** One PGlite instance (in its worker thread) and the lock every kysely instance over it shares. */
export interface SharedPglite {
  readonly pglite: PgliteSession;
  readonly mutex: ConnectionMutex;
}
