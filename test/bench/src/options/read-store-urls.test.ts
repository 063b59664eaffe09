import { describe, expect, it } from 'vitest';
import { DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL, readStoreUrls } from './read-store-urls.js';

describe('readStoreUrls', () => {
  it('takes DATABASE_URL and REDIS_URL from the environment, trimmed', () => {
    expect(
      readStoreUrls({ DATABASE_URL: ' postgres://db:5433/x ', REDIS_URL: 'redis://cache:6380' }),
    ).toEqual({ databaseUrl: 'postgres://db:5433/x', redisUrl: 'redis://cache:6380' });
  });

  it('falls back to the local Postgres and Redis when unset or blank', () => {
    expect(readStoreUrls({ DATABASE_URL: '  ' })).toEqual({
      databaseUrl: DEFAULT_DATABASE_URL,
      redisUrl: DEFAULT_REDIS_URL,
    });
    expect(DEFAULT_DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/test');
    expect(DEFAULT_REDIS_URL).toBe('redis://127.0.0.1:6379');
  });
});
