import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockDataDir } from './lock-data-dir.js';

describe('lockDataDir', () => {
  let root: string;
  let dataDir: string;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'switchyard-lock-'));
    dataDir = join(root, '.switchyard', 'pgdata');
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('creates the directory, writes our pid beside it and removes it on release', () => {
    const release = lockDataDir(dataDir);
    expect(existsSync(dataDir)).toBe(true);
    expect(readFileSync(`${dataDir}.lock`, 'utf8')).toBe(`${process.pid}\n`);
    release();
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
  });

  it('refuses a directory another live process holds, naming it', () => {
    lockDataDir(dataDir);
    writeFileSync(`${dataDir}.lock`, `${process.ppid}\n`);
    expect(() => lockDataDir(dataDir)).toThrow(
      `PGlite data directory ${dataDir} is in use by process ${process.ppid}`,
    );
  });

  it('takes over a lock whose process is gone', () => {
    lockDataDir(dataDir);
    writeFileSync(`${dataDir}.lock`, '999999999\n'); // above any pid_max
    lockDataDir(dataDir)();
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
  });
});
