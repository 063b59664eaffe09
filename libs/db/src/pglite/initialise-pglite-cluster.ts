import { fork } from 'node:child_process';
import { readdir } from 'node:fs/promises';

/**
 * Creates the PGlite cluster of an empty `dataDir` in a child process. initdb's WebAssembly
 * grows to some 600 MB; a thread (even one that is stopped) leaves most of that in the process's
 * RSS for good, a process that exits gives it all back — the standalone idles at a fifth of the
 * memory after a first start. A directory that holds anything is left to PGlite as it is. The
 * caller holds the directory's lock (see lockDataDir), so no other start shares the staging
 * directory.
 */
export async function initialisePgliteCluster(dataDir: string): Promise<void> {
  if ((await entriesOf(dataDir)).length > 0) return;
  // From the sources the child runs through tsx, as this thread does; compiled, its bundle is
  // beside this one.
  const fromSources = import.meta.url.endsWith('.ts');
  const entry = new URL(fromSources ? './pglite-init.ts' : './pglite-init.js', import.meta.url);
  const execArgv = fromSources ? ['--import', import.meta.resolve('tsx')] : [];
  const child = fork(entry, [dataDir, `${dataDir}.init`], {
    execArgv,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (exitCode) => resolve(exitCode));
  });
  if (code !== 0) throw new Error(`initialising the PGlite cluster in ${dataDir} failed (${code})`);
}

/** The directory's entries; none when it does not exist yet (any other failure is thrown). */
async function entriesOf(directory: string): Promise<string[]> {
  try {
    return await readdir(directory);
  } catch (error: unknown) {
    if ((error as { code?: unknown }).code === 'ENOENT') return [];
    throw error;
  }
}
