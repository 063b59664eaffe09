import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initialisePgliteCluster } from './initialise-pglite-cluster.js';
import { startPgliteWorker } from './start-pglite-worker.js';

describe('initialisePgliteCluster', () => {
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'switchyard-init-'));
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('creates the cluster of an empty directory in a child process, replacing a staging directory a stopped start left', async () => {
    const dataDir = join(root, 'pgdata');
    await mkdir(dataDir);
    await mkdir(`${dataDir}.init`);
    await writeFile(join(`${dataDir}.init`, 'half-done'), 'x');

    const before = process.memoryUsage().external;
    await initialisePgliteCluster(dataDir).done;

    // initdb's WebAssembly (some 600 MB) never came into this process.
    expect(process.memoryUsage().external - before).toBeLessThan(100 * 1024 * 1024);
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
    expect(existsSync(`${dataDir}.init`)).toBe(false);
    // The process that asked never loaded initdb: the cluster opens with the embedded settings.
    const session = startPgliteWorker(dataDir);
    const result = await session.query("select current_setting('shared_buffers') as value", []);
    expect(result.rows).toEqual([{ value: '16MB' }]);
    await session.close(5_000);
  }, 120_000);

  it('leaves a directory that holds anything to PGlite as it is', async () => {
    const dataDir = join(root, 'not-empty');
    await mkdir(dataDir);
    await writeFile(join(dataDir, 'something'), 'x');

    await initialisePgliteCluster(dataDir).done;

    expect(await readdir(dataDir)).toEqual(['something']);
    expect(existsSync(`${dataDir}.init`)).toBe(false);
  });

  it('stops a creation where it stands when the database is closed, and the next start creates the cluster whole', async () => {
    const dataDir = join(root, 'stopped');
    await mkdir(dataDir);
    const first = startPgliteWorker(dataDir);
    const refused = expect(first.query('select 1 as one', [])).rejects.toThrow(
      /closed while it was starting/,
    );
    await first.close(5_000);
    await refused;
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(false);

    const second = startPgliteWorker(dataDir);
    expect((await second.query('select 1 as one', [])).rows).toEqual([{ one: 1 }]);
    await second.close(5_000);
    expect(existsSync(`${dataDir}.init`)).toBe(false);
  }, 120_000);
});
