import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createFreshPostgresDatabase,
  type FreshPostgresDatabase,
  usePostgres,
} from '@switchyard/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from './create-database.js';
import { accountingMigrations } from './migrations/accounting/accounting-migrations.js';
import { catalogMigrations } from './migrations/catalog/catalog-migrations.js';

const accountingNames = Object.keys(accountingMigrations);
const latestAccounting = accountingNames.at(-1);
const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
const cli = fileURLToPath(new URL('./migrate-cli.ts', import.meta.url));

interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI as the Helm Job would: its own process, the database from the environment. */
function runCli(args: readonly string[], databaseUrl: string | undefined): Promise<CliRun> {
  const { DATABASE_URL: _ignored, ...environment } = process.env;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', cli, ...args],
      {
        cwd: repositoryRoot,
        env:
          databaseUrl === undefined ? environment : { ...environment, DATABASE_URL: databaseUrl },
        timeout: 90_000,
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe('migrate CLI', () => {
  let fresh: FreshPostgresDatabase;
  let stopServer: () => Promise<void>;

  beforeAll(async () => {
    const server = await usePostgres();
    stopServer = () => server.stop();
    fresh = await createFreshPostgresDatabase(server.url);
  });

  afterAll(async () => {
    await fresh?.drop();
    await stopServer?.();
  });

  it('migrates up, reports status, reverts one step and says what it did', async () => {
    const up = await runCli(['up'], fresh.url);
    expect(up.code).toBe(0);
    expect(up.stdout).toContain('accounting: applied 2026-11-23T0000-create-accounts');
    expect(up.stdout).toContain(`accounting: applied ${latestAccounting}`);
    expect(up.stdout).toContain(`accounting: current (${accountingNames.length} applied)`);
    expect(up.stdout).toContain('catalog: applied 2026-11-23T1200-create-catalog');
    expect(up.stdout).toContain(
      `catalog: current (${Object.keys(catalogMigrations).length} applied)`,
    );
    expect(up.stdout).not.toContain('postgres@'); // never the URL's credentials

    const again = await runCli(['up', '--schema', 'accounting'], fresh.url);
    expect(again.stdout).not.toContain('applied 2026');

    const down = await runCli(['down', '--schema', 'accounting'], fresh.url);
    expect(down.code).toBe(0);
    expect(down.stdout).toContain(`accounting: reverted ${latestAccounting}`);

    const status = await runCli(['status'], fresh.url);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain(
      `accounting: ${accountingNames.length - 1} applied, 1 pending, 0 unknown`,
    );
    expect(status.stdout).toContain(`  pending  ${latestAccounting}`);
  }, 120_000);

  it('refuses bad arguments with the usage and exit code 2', async () => {
    const run = await runCli(['down'], fresh.url);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('down reverts one schema at a time');
    expect(run.stderr).toContain('usage: migrate-cli');
  }, 60_000);

  it('waits for an unreachable database, then fails loudly with exit code 1', async () => {
    const run = await runCli(
      ['up', '--wait-seconds', '2'],
      'postgres://postgres:hunter2@127.0.0.1:1/none',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('migrate: waiting for Postgres at 127.0.0.1:1/none (attempt 1)');
    expect(run.stderr).toMatch(
      /migrate up FAILED on Postgres at 127\.0\.0\.1:1\/none: .*ECONNREFUSED/,
    );
    expect(run.stderr).not.toContain('hunter2');
  }, 60_000);

  it('migrates a PGlite directory with --pglite', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'switchyard-migrate-'));
    try {
      const up = await runCli(['up', '--pglite', join(directory, 'pgdata')], undefined);
      expect(up.stderr).toBe('');
      expect(up.code).toBe(0);
      expect(up.stdout).toContain('accounting: applied 2026-11-23T0000-create-accounts');

      const held = createDatabase({ pglite: { dataDir: join(directory, 'pgdata') } });
      const refused = await runCli(['status', '--pglite', join(directory, 'pgdata')], undefined);
      await held.close();
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`is in use by process ${process.pid}`);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  }, 120_000);
});
