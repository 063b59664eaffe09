import { useRedis } from '@switchyard/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admission, expectAdmitted, uniquePartition } from '../contract/contract-harness.js';
import { createRedisRateLimiter } from './create-redis-rate-limiter.js';

let redis: Redis;

beforeAll(async () => {
  redis = new Redis((await useRedis()).url);
  await redis.ping();
});

afterAll(() => redis.disconnect());

type WriteMethod = (this: unknown, ...args: unknown[]) => unknown;

/** How many writes reach the connection's socket (`_write` or `_writev` calls) during `run`. */
async function socketWrites(run: () => Promise<unknown>): Promise<number> {
  const stream = redis.stream as unknown as Record<'_write' | '_writev', WriteMethod>;
  const original = { _write: stream._write, _writev: stream._writev };
  let writes = 0;
  for (const name of ['_write', '_writev'] as const) {
    stream[name] = function (this: unknown, ...args: unknown[]) {
      writes += 1;
      return original[name].apply(this, args);
    };
  }
  try {
    await run();
  } finally {
    Object.assign(stream, original);
  }
  return writes;
}

describe('Redis calls of one event-loop turn', () => {
  const scopes = [
    { id: 'key:a', requestsPerMinute: 600, tokensPerMinute: 100_000, maxConcurrent: 10 },
  ];

  it('go out in one socket write, each with its own answer', async () => {
    const limiter = createRedisRateLimiter({ redis, failMode: 'closed' });
    const partition = uniquePartition();
    let results: Awaited<ReturnType<typeof limiter.admit>>[] = [];
    const writes = await socketWrites(async () => {
      results = await Promise.all(
        Array.from({ length: 5 }, () => limiter.admit(admission(partition, scopes, 100))),
      );
    });
    expect(writes).toBe(1);
    const remaining = results.map((result) => expectAdmitted(result).states[0]?.remainingRequests);
    expect(remaining).toEqual([599, 598, 597, 596, 595]);
  });

  it('of later turns go out in writes of their own', async () => {
    const limiter = createRedisRateLimiter({ redis, failMode: 'closed' });
    const partition = uniquePartition();
    const writes = await socketWrites(async () => {
      const lease = expectAdmitted(await limiter.admit(admission(partition, scopes, 100))).lease;
      await limiter.finish(lease, 40);
    });
    expect(writes).toBe(2);
    const [state] = await limiter.state(partition, scopes);
    expect(state?.remainingConcurrent).toBe(10);
  });
});
