import { useRedis } from '@switchyard/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  admission,
  expectAdmitted,
  expectRefused,
  sleep,
  uniquePartition,
} from '../contract/contract-harness.js';
import type { Lease } from '../lease.js';
import type { LimitScope } from '../limit-scope.js';
import type { RateLimiter } from '../rate-limiter.js';
import {
  createRedisRateLimiter,
  type RedisRateLimiterOptions,
} from './create-redis-rate-limiter.js';
import { redisLimitKey } from './redis-limit-key.js';

const clients: Redis[] = [];
const limiters: RateLimiter[] = [];
let redisUrl: string;

function connect(): Redis {
  const client = new Redis(redisUrl);
  client.on('error', () => {});
  clients.push(client);
  return client;
}

/** A replica's limiter charging ahead, on its own connection. */
function replica(options: Partial<RedisRateLimiterOptions> = {}): {
  limiter: RateLimiter;
  redis: Redis;
} {
  const redis = connect();
  const limiter = createRedisRateLimiter({
    redis,
    failMode: 'closed',
    allowanceShare: 0.01,
    ...options,
  });
  limiters.push(limiter);
  return { limiter, redis };
}

/** The store's own view of a scope, from a limiter that holds nothing. */
async function storeState(partition: string, scopes: readonly LimitScope[]) {
  return createRedisRateLimiter({ redis: connect(), failMode: 'closed' }).state(partition, scopes);
}

/** How many slots a concurrency key holds, expired or not. */
async function slotSet(partition: string, scope: string): Promise<{ members: number }> {
  const key = redisLimitKey(partition, { scope, kind: 'concurrency', limit: 1 });
  return { members: await connect().zcard(key) };
}

beforeAll(async () => {
  redisUrl = (await useRedis()).url;
});

afterAll(async () => {
  await Promise.all(limiters.map((limiter) => limiter.close()));
  for (const client of clients) client.disconnect();
});

describe('createRedisRateLimiter charging ahead', () => {
  it('admits most requests from its allowance without a round trip, with exact headers', async () => {
    const { limiter, redis } = replica();
    const partition = uniquePartition();
    const scopes = [{ id: 'key:a', requestsPerMinute: 100_000, maxConcurrent: 5_000 }];
    const first = expectAdmitted(await limiter.admit(admission(partition, scopes)));
    expect(first.states[0]).toMatchObject({
      remainingRequests: 99_999,
      remainingConcurrent: 4_999,
    });
    const commands = vi.spyOn(redis, 'sendCommand');
    const leases: Lease[] = [];
    for (let index = 0; index < 50; index += 1) {
      const admitted = expectAdmitted(await limiter.admit(admission(partition, scopes)));
      leases.push(admitted.lease);
      expect(admitted.states[0]?.remainingConcurrent).toBe(4_998 - index);
      expect(admitted.states[0]?.remainingRequests).toBeGreaterThanOrEqual(99_998 - index);
    }
    for (const lease of leases) await limiter.finish(lease, undefined);
    expect(commands).not.toHaveBeenCalled();
    commands.mockRestore();
  });

  it('never lets two replicas admit more than the limit, and leaves little of it unused', async () => {
    const replicas = [replica().limiter, replica().limiter];
    const partition = uniquePartition();
    const scopes = [{ id: 'team:t', requestsPerMinute: 1_000 }];
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: 1_500 }, (_, index) =>
        replicas[index % 2]?.admit(admission(partition, scopes)),
      ),
    );
    const elapsedS = (performance.now() - started) / 1_000;
    const admitted = results.filter((result) => result?.admitted).length;
    // GCRA refills 1,000 a minute while the test runs. All 1,500 were sent before the first
    // answer, so each replica's first allowance (10) is all it held: at most 20 went unused.
    expect(admitted).toBeLessThanOrEqual(1_000 + Math.ceil((elapsedS * 1_000) / 60));
    expect(admitted).toBeGreaterThanOrEqual(980);
    for (const result of results) if (result && !result.admitted) expectRefused(result);
  });

  it('holds concurrency across replicas and frees every slot once the requests end', async () => {
    const replicas = [
      replica({ allowanceIdleMs: 50 }).limiter,
      replica({ allowanceIdleMs: 50 }).limiter,
    ];
    const partition = uniquePartition();
    const scopes = [{ id: 'key:c', maxConcurrent: 400 }];
    const results = await Promise.all(
      Array.from({ length: 600 }, (_, index) =>
        replicas[index % 2]?.admit(admission(partition, scopes)),
      ),
    );
    const leases = results.flatMap((result, index) =>
      result?.admitted ? [{ lease: result.lease, replica: replicas[index % 2] }] : [],
    );
    // As above: each replica's first allowance (4 slots) is at most what went unused.
    expect(leases.length).toBeLessThanOrEqual(400);
    expect(leases.length).toBeGreaterThanOrEqual(392);
    expect((await slotSet(partition, 'key:c')).members).toBe(400);
    for (const { lease, replica: holder } of leases) await holder?.finish(lease, undefined);
    await sleep(300);
    expect((await slotSet(partition, 'key:c')).members).toBe(0);
    expect((await storeState(partition, scopes))[0]?.remainingConcurrent).toBe(400);
  });

  it('settles token refunds into its allowance and gives the unused back when idle', async () => {
    const { limiter } = replica({ allowanceIdleMs: 100 });
    const partition = uniquePartition();
    // A slow refill (6,000 a minute: 100 a second) keeps the arithmetic visible.
    const scopes = [{ id: 'key:t', tokensPerMinute: 6_000 }];
    const first = expectAdmitted(await limiter.admit(admission(partition, scopes, 1_000)));
    // 1,000 reserved and 1,000 more charged ahead for this replica.
    expect((await storeState(partition, scopes))[0]?.remainingTokens).toBeLessThanOrEqual(4_050);
    await limiter.finish(first.lease, 100);
    // Drawn from the allowance: its refund stays here.
    const drawn = expectAdmitted(await limiter.admit(admission(partition, scopes, 1_000)));
    await limiter.finish(drawn.lease, 100);
    expect((await storeState(partition, scopes))[0]?.remainingTokens).toBeLessThanOrEqual(4_950);
    expect((await limiter.state(partition, scopes))[0]?.remainingTokens).toBeGreaterThanOrEqual(
      5_800,
    );
    await sleep(400);
    expect((await storeState(partition, scopes))[0]?.remainingTokens).toBeGreaterThanOrEqual(5_800);
  });

  it('hands back what it holds before the store judges a request too big for it', async () => {
    const { limiter } = replica();
    const partition = uniquePartition();
    const scopes = [{ id: 'key:t', tokensPerMinute: 60_000 }];
    expectAdmitted(await limiter.admit(admission(partition, scopes, 50_000)));
    const refused = expectRefused(await limiter.admit(admission(partition, scopes, 20_000)));
    // 10,000 tokens are left in all (some of them held here): 10 s until 20,000 fit.
    expect(refused.retryAfterMs).toBeLessThanOrEqual(10_000);
    expect(refused.retryAfterMs).toBeGreaterThanOrEqual(9_500);
  });

  it('gives back at once what it held under a limit that changed', async () => {
    const { limiter } = replica({ allowanceIdleMs: 60_000 });
    const partition = uniquePartition();
    const before = [{ id: 'key:r', requestsPerMinute: 1_000 }];
    expectAdmitted(await limiter.admit(admission(partition, before)));
    expectAdmitted(await limiter.admit(admission(partition, before)));
    const after = [{ id: 'key:r', requestsPerMinute: 2_000 }];
    expectAdmitted(await limiter.admit(admission(partition, after)));
    await sleep(20);
    // At 2,000 a minute: two requests at the old rate count as four, the third and the 20 it
    // charged ahead as 21; the 8 still held at the old rate (16 at the new) came back.
    const remaining = (await storeState(partition, after))[0]?.remainingRequests;
    expect(remaining).toBeGreaterThanOrEqual(1_975);
    expect(remaining).toBeLessThanOrEqual(1_977);
  });

  it('keeps the slots of requests in flight alive past the slot TTL, and frees them after', async () => {
    const { limiter } = replica({ slotTtlMs: 1_000, allowanceIdleMs: 50 });
    const partition = uniquePartition();
    const scopes = [{ id: 'key:s', maxConcurrent: 1_000 }];
    const first = expectAdmitted(await limiter.admit(admission(partition, scopes)));
    await limiter.finish(first.lease, undefined);
    const drawn = expectAdmitted(await limiter.admit(admission(partition, scopes)));
    await sleep(2_500);
    // The allowance went back when idle; the drawn request's slot stayed, renewed.
    expect((await slotSet(partition, 'key:s')).members).toBe(1);
    expect((await storeState(partition, scopes))[0]?.remainingConcurrent).toBe(999);
    await limiter.finish(drawn.lease, undefined);
    expect((await slotSet(partition, 'key:s')).members).toBe(0);
  });

  it('gives everything back on close', async () => {
    const { limiter } = replica({ allowanceIdleMs: 60_000 });
    const partition = uniquePartition();
    const scopes = [{ id: 'key:z', requestsPerMinute: 1_000, maxConcurrent: 1_000 }];
    const { lease } = expectAdmitted(await limiter.admit(admission(partition, scopes)));
    await limiter.finish(lease, undefined);
    expect((await slotSet(partition, 'key:z')).members).toBeGreaterThan(0);
    await limiter.close();
    expect((await slotSet(partition, 'key:z')).members).toBe(0);
    expect((await storeState(partition, scopes))[0]?.remainingRequests).toBeGreaterThanOrEqual(999);
  });
});
