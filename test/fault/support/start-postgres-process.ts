import { spawnSync } from 'node:child_process';
import { chownSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { findBinary, postgresBinDirectories } from './find-binary.js';
import { freePort } from './free-port.js';
import { type ManagedProcess, startManagedProcess } from './managed-process.js';
import { waitForPort } from './wait-for-port.js';

/** A private Postgres on loopback: its data directory survives a stop and start. */
export interface PostgresProcess extends ManagedProcess {
  /** The `postgres` database as the `postgres` superuser (trust auth). */
  readonly url: string;
}

const HINT = 'apt-get install postgresql';

/** Postgres refuses to run as root: as root, initdb and the server run as the `postgres` user. */
function runAsUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const result = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const groups = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (result.status !== 0 || groups.status !== 0) {
    throw new Error('running as root, the fault suite needs the `postgres` user to run Postgres');
  }
  return { uid: Number(result.stdout.trim()), gid: Number(groups.stdout.trim()) };
}

/** The port accepts connections before recovery ends: wait until the server takes queries. */
async function waitForPostgresReady(pgIsReady: string, port: number): Promise<void> {
  const deadline = Date.now() + 20_000;
  const args = ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-t', '1'];
  while (spawnSync(pgIsReady, args).status !== 0) {
    if (Date.now() > deadline) throw new Error(`postgres on ${port} never became ready`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * initdb's a cluster under `directory` (trust auth, fsync off: a test cluster) and runs
 * `postgres` in the foreground on a free loopback port, its socket inside `directory`.
 */
export async function startPostgresProcess(directory: string): Promise<PostgresProcess> {
  const bin = postgresBinDirectories();
  const initdb = findBinary('initdb', HINT, bin);
  const server = findBinary('postgres', HINT, bin);
  const pgIsReady = findBinary('pg_isready', HINT, bin);
  const user = runAsUser();
  const dataDirectory = join(directory, 'data');
  mkdirSync(dataDirectory, { recursive: true });
  if (user !== undefined) {
    chownSync(directory, user.uid, user.gid);
    chownSync(dataDirectory, user.uid, user.gid);
  }
  const env = { PATH: process.env.PATH ?? '', LC_ALL: 'C', HOME: directory };
  const created = spawnSync(
    initdb,
    ['-D', dataDirectory, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8'],
    { env, encoding: 'utf8', ...user },
  );
  if (created.status !== 0) {
    throw new Error(`initdb failed (${created.status}):\n${created.stdout}\n${created.stderr}`);
  }
  const port = await freePort();
  const handle = await startManagedProcess({
    name: 'postgres',
    command: server,
    args: [
      '-D',
      dataDirectory,
      '-p',
      String(port),
      '-k',
      directory,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=off',
      '-c',
      'max_connections=200',
    ],
    env,
    cwd: directory,
    ...user,
    stopSignal: 'SIGINT',
    ready: async () => {
      await waitForPort(port, 'postgres');
      await waitForPostgresReady(pgIsReady, port);
    },
  });
  return Object.assign(handle, { url: `postgres://postgres@127.0.0.1:${port}/postgres` });
}
