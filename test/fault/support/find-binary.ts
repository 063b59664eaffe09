import { accessSync, constants, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Why the fault suite cannot run on this machine, and what installs the missing piece. */
export class MissingBinaryError extends Error {
  constructor(name: string, hint: string) {
    super(`the fault suite needs \`${name}\`, not found on PATH or in the usual places (${hint})`);
    this.name = 'MissingBinaryError';
  }
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The absolute path of an executable: first on PATH, then in `extraDirectories` (Debian keeps
 * nats-server in /usr/sbin and Postgres's server binaries in /usr/lib/postgresql/<version>/bin).
 */
export function findBinary(name: string, hint: string, extraDirectories: string[] = []): string {
  const directories = [
    ...(process.env.PATH ?? '').split(delimiter).filter((directory) => directory !== ''),
    '/usr/sbin',
    '/usr/local/sbin',
    ...extraDirectories,
  ];
  for (const directory of directories) {
    const candidate = join(directory, name);
    if (isExecutable(candidate)) return candidate;
  }
  throw new MissingBinaryError(name, hint);
}

/** Postgres's server binaries (initdb, pg_ctl), newest installed major version first. */
export function postgresBinDirectories(): string[] {
  try {
    return readdirSync('/usr/lib/postgresql')
      .sort((left, right) => Number(right) - Number(left))
      .map((version) => `/usr/lib/postgresql/${version}/bin`);
  } catch {
    return [];
  }
}
