import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildBenchServices } from '../processes/service-command.js';

const run = promisify(execFile);
/** Written last into a prepared copy: the commit it holds, installed and built. */
const READY_FILE = '.switchyard-ab-ready';

/**
 * A built copy of `revision` of the repository at `root`, in `$TMPDIR/switchyard-ab-<commit>`:
 * `git archive`d (no worktree registered), installed from the local pnpm store, built as the bench
 * builds. A copy whose ready file names the same commit is reused.
 */
export async function prepareBaseBuild(
  root: string,
  revision: string,
): Promise<{ commit: string; directory: string }> {
  const { stdout } = await run(
    'git',
    ['rev-parse', '--verify', '--end-of-options', `${revision}^{commit}`],
    { cwd: root },
  );
  const commit = stdout.trim();
  const directory = join(tmpdir(), `switchyard-ab-${commit.slice(0, 12)}`);
  const ready = join(directory, READY_FILE);
  if (existsSync(ready) && readFileSync(ready, 'utf8') === commit) return { commit, directory };
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(directory, { recursive: true });
  await extractArchive(root, commit, directory);
  await run(...pnpm(['install', '--frozen-lockfile', '--offline']), {
    cwd: directory,
    timeout: 600_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  await buildBenchServices(directory);
  writeFileSync(ready, commit);
  return { commit, directory };
}

/** `git archive commit | tar -x -C directory`, without a shell; settles once both have exited. */
async function extractArchive(root: string, commit: string, directory: string): Promise<void> {
  const archive = spawn('git', ['archive', '--format=tar', commit], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const tar = spawn('tar', ['-x', '-C', directory], { stdio: ['pipe', 'inherit', 'inherit'] });
  archive.stdout.pipe(tar.stdin);
  // tar may exit first on a bad archive: git's write then fails, and its exit code says why.
  tar.stdin.on('error', () => undefined);
  const exit = (child: ChildProcess, name: string) =>
    new Promise<void>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code) =>
        code === 0 ? resolve() : reject(new Error(`${name} exited with ${code}`)),
      );
    });
  await Promise.all([exit(archive, `git archive ${commit}`), exit(tar, 'tar -x')]);
}

/** pnpm as the bench itself was started (`npm_execpath` under `pnpm bench:ab`), else from PATH. */
function pnpm(args: readonly string[]): [string, string[]] {
  const entry = process.env.npm_execpath;
  if (entry !== undefined && /pnpm\.c?js$/.test(entry)) return [process.execPath, [entry, ...args]];
  return ['pnpm', [...args]];
}
