import { describe, expect, it } from 'vitest';
import { readUsageBenchUrls } from './read-usage-bench-urls.js';

describe('readUsageBenchUrls', () => {
  it('takes DATABASE_URL and NATS_URL, falling back to the local services when blank', () => {
    expect(readUsageBenchUrls({ NATS_URL: '  ' })).toEqual({
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/test',
      natsUrl: 'nats://127.0.0.1:4222',
    });
    expect(
      readUsageBenchUrls({ DATABASE_URL: 'postgres://u@db:5432/x', NATS_URL: 'nats://nats:4222' }),
    ).toEqual({ databaseUrl: 'postgres://u@db:5432/x', natsUrl: 'nats://nats:4222' });
  });
});
