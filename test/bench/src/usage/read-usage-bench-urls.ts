import { DEFAULT_DATABASE_URL } from '../options/read-store-urls.js';

/** The local NATS the repository's tests use when NATS_URL is not set. */
export const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';

/** Where the usage bench finds its services. */
export interface UsageBenchUrls {
  /** A Postgres server URL; the bench creates a fresh database on it per accounting run. */
  readonly databaseUrl: string;
  readonly natsUrl: string;
}

/** DATABASE_URL and NATS_URL from the environment when set (not blank), else the local defaults. */
export function readUsageBenchUrls(
  env: Readonly<Record<string, string | undefined>>,
): UsageBenchUrls {
  const read = (name: string, fallback: string) => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? fallback : value;
  };
  return {
    databaseUrl: read('DATABASE_URL', DEFAULT_DATABASE_URL),
    natsUrl: read('NATS_URL', DEFAULT_NATS_URL),
  };
}
