import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DATABASE_URL,
  DEFAULT_NATS_URL,
  DEFAULT_REDIS_URL,
  readStoreUrls,
} from './read-store-urls.js';

describe('readStoreUrls', () => {
  it('takes DATABASE_URL, REDIS_URL and NATS_URL from the environment, trimmed', () => {
    expect(
      readStoreUrls({
        DATABASE_URL: ' postgres://db:5433/x ',
        REDIS_URL: 'redis://cache:6380',
        NATS_URL: 'nats://bus:4223',
      }),
    ).toEqual({
      databaseUrl: 'postgres://db:5433/x',
      redisUrl: 'redis://cache:6380',
      natsUrl: 'nats://bus:4223',
    });
  });

  it('falls back to the local Postgres, Redis and NATS when unset or blank', () => {
    expect(readStoreUrls({ DATABASE_URL: '  ' })).toEqual({
      databaseUrl: DEFAULT_DATABASE_URL,
      redisUrl: DEFAULT_REDIS_URL,
      natsUrl: DEFAULT_NATS_URL,
    });
    expect(DEFAULT_DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/test');
    expect(DEFAULT_REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(DEFAULT_NATS_URL).toBe('nats://127.0.0.1:4222');
  });
});
