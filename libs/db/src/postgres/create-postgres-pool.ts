import pg from 'pg';
import type { PostgresDatabaseOptions } from '../database-options.js';

/** A `pg` pool bounded in size, connect time, statement time and idle time. */
export function createPostgresPool(options: PostgresDatabaseOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 5_000,
    idleTimeoutMillis: options.idleTimeoutMs ?? 10_000,
    statement_timeout: options.statementTimeoutMs ?? 30_000,
    idle_in_transaction_session_timeout: options.idleInTransactionTimeoutMs ?? 60_000,
    application_name: options.applicationName ?? 'switchyard',
  });
  // Without a listener an idle connection's error (server restart, network) kills the process.
  pool.on('error', (error) => options.onPoolError?.(error));
  // So does a connection lost mid-query: the pool listens only to idle clients, and the query's
  // own rejection does not stop `pg` from emitting the error on the checked-out client too.
  pool.on('connect', (client) => client.on('error', (error) => options.onPoolError?.(error)));
  return pool;
}
