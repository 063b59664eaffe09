import { rename, rm, rmdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { PGLITE_POSTGRESQL_CONF } from './pglite-settings.js';

// A child process of the PGlite thread (see initialisePgliteCluster): creates the cluster in
// `staging`, then moves it to `dataDir`, so a cluster is either whole or absent. It ends with its
// parent: a standalone stopped mid-way leaves only `staging`, which the next start replaces.
const [dataDir, staging] = process.argv.slice(2);
process.on('disconnect', () => process.exit(1));

async function initialise(target: string, work: string): Promise<void> {
  await rm(work, { recursive: true, force: true });
  const pglite = new PGlite({ dataDir: work, postgresqlconf: [...PGLITE_POSTGRESQL_CONF] });
  await pglite.waitReady;
  await pglite.close();
  // Only an empty directory is replaced: rmdir refuses anything else.
  await rmdir(target).catch((error: unknown) => {
    if ((error as { code?: unknown }).code !== 'ENOENT') throw error;
  });
  await rename(work, target);
}

if (dataDir === undefined || staging === undefined) {
  process.stderr.write('usage: pglite-init <dataDir> <staging>\n');
  process.exit(2);
}
initialise(dataDir, staging).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`PGlite could not initialise ${dataDir}: ${String(error)}\n`);
    process.exit(1);
  },
);
