import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../create-database.js';
import { openPglite } from './open-pglite.js';

describe('PGlite on a data directory', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = join(await mkdtemp(join(tmpdir(), 'switchyard-db-')), 'pgdata');
  });

  afterAll(async () => {
    await rm(join(dataDir, '..'), { recursive: true, force: true });
  });

  it('shares one instance per directory, closes it with its last holder, and keeps the data', async () => {
    const first = openPglite(dataDir);
    const second = openPglite(`${dataDir}/../pgdata`);
    expect(second.shared).toBe(first.shared);
    await first.release();
    await first.release(); // idempotent: does not take the second holder's share
    await second.shared.pglite.exec('create table kept (value text)');
    await second.shared.pglite.query('insert into kept values ($1)', ['still here']);
    await second.release();
    await expect(first.shared.pglite.exec('select 1')).rejects.toThrow(/exited/);

    expect(existsSync(`${dataDir}.lock`)).toBe(false);

    const reopened = createDatabase({ pglite: { dataDir } });
    expect(existsSync(`${dataDir}.lock`)).toBe(true);
    const rows = await sql<{ value: string }>`select value from kept`.execute(reopened.db);
    expect(rows.rows).toEqual([{ value: 'still here' }]);
    await reopened.close();
    await reopened.close();
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
  }, 120_000);
});
