/** Where the `switchyard-limited` target finds Postgres, Redis and NATS. */
export interface StoreUrls {
  /** A Postgres server URL; the bench creates a fresh database on that server. */
  readonly databaseUrl: string;
  readonly redisUrl: string;
  /** The gateway publishes usage there, into a namespace of the run's own. */
  readonly natsUrl: string;
}

/** The local Postgres the repository's tests use when DATABASE_URL is not set. */
export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';
/** The local Redis used when REDIS_URL is not set. */
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
/** The local NATS used when NATS_URL is not set. */
export const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';

/**
 * DATABASE_URL, REDIS_URL and NATS_URL from the environment when set (not blank), else the
 * local defaults.
 */
export function readStoreUrls(env: Readonly<Record<string, string | undefined>>): StoreUrls {
  const read = (name: string, fallback: string) => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? fallback : value;
  };
  return {
    databaseUrl: read('DATABASE_URL', DEFAULT_DATABASE_URL),
    redisUrl: read('REDIS_URL', DEFAULT_REDIS_URL),
    natsUrl: read('NATS_URL', DEFAULT_NATS_URL),
  };
}
