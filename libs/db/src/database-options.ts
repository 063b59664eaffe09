/** A Postgres server reached over the network through a `pg` pool. */
export interface PostgresDatabaseOptions {
  /** `postgres://user:password@host:port/database`. */
  readonly url: string;
  /** Pool size; default 10. */
  readonly maxConnections?: number;
  /** Server-side cap on one statement, in ms; default 30 000; 0 turns it off (migrations). */
  readonly statementTimeoutMs?: number;
  /** How long to wait for a new connection or a free pooled one, in ms; default 5 000. */
  readonly connectionTimeoutMs?: number;
  /** How long an unused connection stays open, in ms; default 10 000. */
  readonly idleTimeoutMs?: number;
  /** Ends a session idle inside a transaction for this long, in ms; default 60 000. */
  readonly idleInTransactionTimeoutMs?: number;
  /** `application_name` shown in `pg_stat_activity`; default `switchyard`. */
  readonly applicationName?: string;
  /** Told when an idle pooled connection breaks (the pool drops it and reconnects later). */
  readonly onPoolError?: (error: Error) => void;
}

/** Postgres in-process (PGlite), for standalone mode and tests. */
export interface PgliteDatabaseOptions {
  readonly pglite: {
    /** Where the data lives (standalone: {@link STANDALONE_PGLITE_DATA_DIR}); undefined keeps it in memory. */
    readonly dataDir: string | undefined;
    /**
     * How long `close` waits for PGlite to stop cleanly before stopping its thread where it
     * stands (a start still initialising); default 5 000.
     */
    readonly closeTimeoutMs?: number;
  };
}

/** Which database {@link createDatabase} opens. */
export type DatabaseOptions = PostgresDatabaseOptions | PgliteDatabaseOptions;

/** Where standalone mode keeps its PGlite data, relative to the working directory. */
export const STANDALONE_PGLITE_DATA_DIR = '.switchyard/pgdata';
