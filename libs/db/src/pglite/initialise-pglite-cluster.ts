import { type ChildProcess, fork } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { setPriority } from 'node:os';
import { BASELINE_WASM_FLAGS, pgliteNice } from './run-pglite-gently.js';

/** A cluster being created (or found already there): `stop` kills the creation where it stands. */
export interface ClusterCreation {
  /** Settles once the data directory holds a cluster; rejects when creating it failed. */
  readonly done: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Creates the PGlite cluster of an empty `dataDir` in a child process. initdb's WebAssembly
 * grows to some 600 MB; a thread (even one that is stopped) leaves most of that in the process's
 * RSS for good, a process that exits gives it all back — the standalone idles at a fifth of the
 * memory after a first start. A directory that holds anything is left to PGlite as it is. The
 * caller holds the directory's lock (see lockDataDir), so no other start shares the staging
 * directory, and stops the creation before it lets go of the lock.
 */
export function initialisePgliteCluster(dataDir: string): ClusterCreation {
  let child: ChildProcess;
  try {
    if (entriesOf(dataDir).length > 0)
      return { done: Promise.resolve(), stop: async () => undefined };
    // Forked now, on the caller's stack, while the process is starting and serves nothing yet:
    // a fork copies the process's page tables and waits for the child's exec, which stalled the
    // event loop for 25–35 ms when it came after the server listened.
    child = forkInitialisation(dataDir);
  } catch (error: unknown) {
    return { done: Promise.reject(error), stop: async () => undefined };
  }
  let stopped = false;
  const done = (async () => {
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (exitCode) => resolve(exitCode));
    });
    if (stopped) throw new Error('the PGlite cluster was not created: the database was closed');
    if (code !== 0) {
      throw new Error(`creating the PGlite cluster in ${dataDir} failed (exit code ${code})`);
    }
  })();
  return {
    done,
    stop: async () => {
      stopped = true;
      child.kill('SIGKILL');
      await done.catch(() => undefined);
    },
  };
}

/** The directory's entries; none when it does not exist yet (any other failure is thrown). */
function entriesOf(directory: string): string[] {
  try {
    return readdirSync(directory);
  } catch (error: unknown) {
    if ((error as { code?: unknown }).code === 'ENOENT') return [];
    throw error;
  }
}

/**
 * The child that creates the cluster, compiling WebAssembly baseline-only and at PGlite's lower
 * priority. Set at once from here, the priority is the child's main thread's, where initdb runs,
 * and that of the threads it starts after; on Linux a thread its Node started before keeps ours.
 */
function forkInitialisation(dataDir: string): ChildProcess {
  // From the sources the child runs through tsx, as this process does; compiled, its bundle
  // is beside this one.
  const fromSources = import.meta.url.endsWith('.ts');
  const entry = new URL(fromSources ? './pglite-init.ts' : './pglite-init.js', import.meta.url);
  const tsx = fromSources ? ['--import', import.meta.resolve('tsx')] : [];
  const child = fork(entry, [dataDir, `${dataDir}.init`], {
    execArgv: [...BASELINE_WASM_FLAGS, ...tsx],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  if (child.pid !== undefined) {
    try {
      setPriority(child.pid, pgliteNice());
    } catch {
      // Already gone, or refused by a sandbox: it only runs at our priority.
    }
  }
  return child;
}
