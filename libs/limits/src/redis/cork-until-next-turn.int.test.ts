import { useRedis } from '@switchyard/testing';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { admission, expectAdmitted, uniquePartition } from '../contract/contract-harness.js';
import { createRedisRateLimiter } from './create-redis-rate-limiter.js';

let redis: Redis;

beforeAll(async () => {
  redis = new Redis((await useRedis()).url);
  await redis.ping();
});

afterAll(() => redis.disconnect());

type WriteMethod = (this: unknown, ...args: unknown[]) => unknown;
let restore: (() => void) | undefined;

afterEach(() => restore?.());

/** Counts the writes that reach the connection's socket (`_write` or `_writev` calls) from now. */
function countSocketWrites(): () => number {
  const stream = redis.stream as unknown as Record<'_write' | '_writev', WriteMethod>;
  const original = { _write: stream._write, _writev: stream._writev };
  let writes = 0;
  for (const name of ['_write', '_writev'] as const) {
    stream[name] = function (this: unknown, ...args: unknown[]) {
      writes += 1;
      return original[name].apply(this, args);
    };
  }
  restore = () => Object.assign(stream, original);
  return () => writes;
}

describe('Redis calls of one event-loop turn', () => {
  const scopes = [
    { id: 'key:a', requestsPerMinute: 600, tokensPerMinute: 100_000, maxConcurrent: 10 },
  ];

  it('admit in one socket write, each with its own answer', async () => {
    const limiter = createRedisRateLimiter({ redis, failMode: 'closed' });
    const partition = uniquePartition();
    const writes = countSocketWrites();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => limiter.admit(admission(partition, scopes, 100))),
    );
    expect(writes()).toBe(1);
    const remaining = results.map((result) => expectAdmitted(result).states[0]?.remainingRequests);
    expect(remaining).toEqual([599, 598, 597, 596, 595]);
  });

  it('admit in writes of their own when they come in turns of their own', async () => {
    const limiter = createRedisRateLimiter({ redis, failMode: 'closed' });
    const partition = uniquePartition();
    const writes = countSocketWrites();
    expectAdmitted(await limiter.admit(admission(partition, scopes)));
    expectAdmitted(await limiter.admit(admission(partition, scopes)));
    expect(writes()).toBe(2);
  });

  it('never hold a release back: it leaves at once, with the admissions held so far', async () => {
    const limiter = createRedisRateLimiter({ redis, failMode: 'closed' });
    const partition = uniquePartition();
    const { lease } = expectAdmitted(await limiter.admit(admission(partition, scopes, 100)));
    const writes = countSocketWrites();
    const admitted = [1, 2].map(() => limiter.admit(admission(partition, scopes, 100)));
    expect(writes()).toBe(0);
    const finished = limiter.finish(lease, 40);
    // Written before this turn ends: a client answered just now may already be asking elsewhere.
    expect(writes()).toBe(1);
    await Promise.all([finished, ...admitted]);
    expect(writes()).toBe(1);
    const [state] = await limiter.state(partition, scopes);
    expect(state?.remainingConcurrent).toBe(8);
  });
});
