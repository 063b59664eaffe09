import { randomBytes } from 'node:crypto';
import { createDatabase, type Database, migrateToLatest } from '@switchyard/db';
import { usePostgres } from '@switchyard/testing';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import type { AccountingChange } from '../admin/accounting-change.js';
import { buildAccountingApp } from '../app.js';

/** A migrated throw-away database and the accounting app on it, for one test file. */
export interface TestAccounting {
  app: FastifyInstance;
  database: Database;
  masterKey: string;
  pepper: string;
  /** The secret the console signs SSO actor assertions with, as accounting is configured. */
  consoleActorSecret: string;
  /** Every change `onChange` was told of, in order. */
  changes: AccountingChange[];
  stop(): Promise<void>;
}

/**
 * Creates `switchyard_accounting_test_<random>` on the test Postgres, migrates it and builds the
 * app in-process (`app.inject`); `stop` closes everything and drops the database.
 */
export async function startAccountingForTest(): Promise<TestAccounting> {
  const server = await usePostgres();
  const name = `switchyard_accounting_test_${randomBytes(6).toString('hex')}`;
  await runOnServer(server.url, `create database ${name}`);
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  const database = createDatabase({ url: url.toString() });
  await migrateToLatest(database.db, 'accounting');
  const masterKey = `master-${randomBytes(8).toString('hex')}`;
  const pepper = 'test-pepper-0123456789';
  const consoleActorSecret = randomBytes(32).toString('hex');
  const changes: AccountingChange[] = [];
  const { app } = buildAccountingApp(
    {
      db: database.db,
      pepper,
      masterKey,
      consoleActorSecret,
      logLevel: 'silent',
      bodyLimitBytes: 1_048_576,
    },
    { onChange: (change) => void changes.push(change) },
  );
  await app.ready();
  return {
    app,
    database,
    masterKey,
    pepper,
    consoleActorSecret,
    changes,
    stop: async () => {
      await app.close();
      await database.close();
      await runOnServer(server.url, `drop database if exists ${name} with (force)`);
      await server.stop();
    },
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
