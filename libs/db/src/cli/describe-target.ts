import type { MigrateArguments } from './parse-migrate-arguments.js';

/** Where the CLI migrates, for its output: never the password. */
export function describeTarget(target: MigrateArguments['target']): string {
  if ('pgliteDataDir' in target) {
    return `PGlite in ${target.pgliteDataDir}`;
  }
  try {
    const url = new URL(target.url);
    return `Postgres at ${url.host}${url.pathname}`;
  } catch {
    return 'Postgres at DATABASE_URL (not a parsable URL)';
  }
}
