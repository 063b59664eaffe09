import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A database created for one test file on a shared server, dropped by `drop`. */
export interface FreshPostgresDatabase {
  /** The server URL with the new database's name. */
  readonly url: string;
  readonly name: string;
  drop(): Promise<void>;
}

/**
 * Creates `switchyard_db_test_<random>` on the server `serverUrl` points at, so tests never
 * share tables with other suites using the same server's `test` database.
 */
export async function createFreshPostgresDatabase(
  serverUrl: string,
): Promise<FreshPostgresDatabase> {
  const name = `switchyard_db_test_${randomBytes(6).toString('hex')}`;
  await runOnServer(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => runOnServer(serverUrl, `drop database if exists ${name} with (force)`),
  };
}

async function runOnServer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
