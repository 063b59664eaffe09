import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildBenchServices } from '../processes/service-command.js';

const run = promisify(execFile);

/** The commit a revision names in the repository at `root`; throws when it names none. */
export async function resolveCommit(root: string, revision: string): Promise<string> {
  const { stdout } = await run(
    'git',
    ['rev-parse', '--verify', '--end-of-options', `${revision}^{commit}`],
    {
      cwd: root,
    },
  );
  return stdout.trim();
}

/**
 * A built copy of the repository at `commit`, in the system's temporary directory: the files
 * `git archive` gives (no worktree registered in the repository), installed from the local pnpm
 * store and built the way the bench builds. A copy already built for the same commit is reused.
 */
export async function prepareBaseBuild(root: string, commit: string): Promise<string> {
  const directory = join(tmpdir(), `switchyard-ab-${commit.slice(0, 12)}`);
  if (existsSync(join(directory, 'services', 'gateway', 'dist', '.built'))) return directory;
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(directory, { recursive: true });
  await extractArchive(root, commit, directory);
  await run(process.execPath, [pnpmEntry(), 'install', '--frozen-lockfile', '--offline'], {
    cwd: directory,
    timeout: 600_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  await buildBenchServices(directory);
  return directory;
}

/** `git archive commit | tar -x -C directory`, without a shell. */
function extractArchive(root: string, commit: string, directory: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const archive = spawn('git', ['archive', '--format=tar', commit], { cwd: root });
    const tar = spawn('tar', ['-x', '-C', directory]);
    archive.stdout.pipe(tar.stdin);
    let failed = false;
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      reject(error);
    };
    archive.on('error', fail);
    tar.on('error', fail);
    archive.on('close', (code) => {
      if (code !== 0) fail(new Error(`git archive ${commit} exited with ${code}`));
    });
    tar.on('close', (code) => {
      if (code !== 0) fail(new Error(`tar exited with ${code}`));
      else if (!failed) resolve();
    });
  });
}

/** pnpm's own script when the bench runs under pnpm (`npm_execpath`), else `pnpm` on the PATH. */
function pnpmEntry(): string {
  const entry = process.env.npm_execpath;
  if (entry !== undefined && /pnpm/.test(entry)) return entry;
  throw new Error('run it as `pnpm bench:ab`: the base copy is installed with the same pnpm');
}
