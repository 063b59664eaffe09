import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { Database } from '../database.js';
import type { Tables } from '../tables/tables.js';
import { describeAccountingTableRules } from './describe-accounting-table-rules.js';
import { describeMigrationBehaviour } from './describe-migration-behaviour.js';

/** A database for the suite and how to throw it away afterwards. */
export interface SuiteDatabase {
  readonly database: Database<Tables>;
  dispose(): Promise<void>;
}

/**
 * The behaviour both engines must show, on an empty database of their own: migrations per
 * schema up, down and up again, status, the schema check, and the accounting tables' rules.
 */
export function describeDatabaseSuite(
  kind: Database['kind'],
  open: () => Promise<SuiteDatabase>,
): void {
  describe(`@switchyard/db on ${kind}`, () => {
    let suite: SuiteDatabase | undefined;
    let db: Kysely<Tables> | undefined;

    beforeAll(async () => {
      suite = await open();
      db = suite.database.db;
      expect(suite.database.kind).toBe(kind);
      // PGlite starts on the first query (seconds on a cold cluster): pay for it here.
      await sql`select 1`.execute(db);
    }, 120_000);

    afterAll(async () => {
      await suite?.dispose();
    }, 60_000);

    const currentDb = (): Kysely<Tables> => {
      if (db === undefined) {
        throw new Error('the database did not open');
      }
      return db;
    };
    describeMigrationBehaviour(currentDb);
    describeAccountingTableRules(currentDb);
  });
}
