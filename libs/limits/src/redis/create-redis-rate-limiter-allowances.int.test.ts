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
    // A burst of 1,500 admissions on a loaded machine outlasts the 250 ms default.
    timeoutMs: 10_000,
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
    // A tenth: the 10,000 requests held stay charged for 6 s, however slow this machine is.
    const { limiter, redis } = replica({ allowanceShare: 0.1 });
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

  it('holds concurrency across replicas drawing from their allowances, and frees every slot', async () => {
    // Nothing goes back while idle (a stalled machine would give back and ask again): on close.
    const sides = [replica({ allowanceIdleMs: 60_000 }), replica({ allowanceIdleMs: 60_000 })];
    const partition = uniquePartition();
    const scopes = [{ id: 'key:c', maxConcurrent: 1_000 }];
    const commands = sides.map((side) => vi.spyOn(side.redis, 'sendCommand'));
    const leases: { lease: Lease; holder: RateLimiter }[] = [];
    // Rounds of one admission per replica, none released.
    const admitRounds = async (rounds: number) => {
      for (let round = 0; round < rounds; round += 1) {
        const results = await Promise.all(
          sides.map((side) => side.limiter.admit(admission(partition, scopes))),
        );
        results.forEach((result, index) => {
          const holder = sides[index]?.limiter;
          if (result.admitted && holder !== undefined) leases.push({ lease: result.lease, holder });
        });
      }
    };
    await admitRounds(450);
    // 900 admitted, most of them from allowances of 10 slots: about one call in 11.
    expect(leases).toHaveLength(900);
    const calls = commands.reduce((sum, spy) => sum + spy.mock.calls.length, 0);
    expect(calls).toBeLessThan(150);
    await admitRounds(100);
    // Every slot is charged before it is lent; at the edge each replica may hold the last few.
    expect(leases.length).toBeLessThanOrEqual(1_000);
    expect(leases.length).toBeGreaterThanOrEqual(980);
    expect((await slotSet(partition, 'key:c')).members).toBe(1_000);
    for (const { lease, holder } of leases) await holder.finish(lease, undefined);
    await Promise.all(sides.map((side) => side.limiter.close()));
    expect((await slotSet(partition, 'key:c')).members).toBe(0);
    expect((await storeState(partition, scopes))[0]?.remainingConcurrent).toBe(1_000);
  });

  it('keeps the refund of a drawn request in its allowance and gives the unused back when idle', async () => {
    // A tenth of 60,000 TPM (6,000 tokens) is charged ahead; the limit refills 1 token a ms.
    const { limiter } = replica({ allowanceShare: 0.1, allowanceIdleMs: 100 });
    const partition = uniquePartition();
    const scopes = [{ id: 'key:t', tokensPerMinute: 60_000 }];
    const first = expectAdmitted(await limiter.admit(admission(partition, scopes, 1_000)));
    await limiter.finish(first.lease, 100);
    const drawn = expectAdmitted(await limiter.admit(admission(partition, scopes, 1_000)));
    await limiter.finish(drawn.lease, 100);
    // The store: 100 used by the first, 6,000 held here (5,900 of them unused after the refund).
    expect((await storeState(partition, scopes))[0]?.remainingTokens).toBeLessThanOrEqual(54_500);
    expect((await limiter.state(partition, scopes))[0]?.remainingTokens).toBeGreaterThanOrEqual(
      59_700,
    );
    await sleep(400);
    expect((await storeState(partition, scopes))[0]?.remainingTokens).toBeGreaterThanOrEqual(
      59_700,
    );
  });

  it('charges the overrun of a drawn request beyond its allowance in the store', async () => {
    const { limiter } = replica({ allowanceShare: 0.1, allowanceIdleMs: 60_000 });
    const partition = uniquePartition();
    const scopes = [{ id: 'key:o', tokensPerMinute: 60_000 }];
    expectAdmitted(await limiter.admit(admission(partition, scopes, 1_000)));
    const drawn = expectAdmitted(await limiter.admit(admission(partition, scopes, 1_000)));
    const before = (await storeState(partition, scopes))[0]?.remainingTokens ?? Number.NaN;
    // 19,000 tokens more than reserved: the 5,000 held here do not cover it.
    await limiter.finish(drawn.lease, 20_000);
    const after = (await storeState(partition, scopes))[0]?.remainingTokens ?? Number.NaN;
    expect(after).toBeLessThanOrEqual(before - 18_500);
  });

  it('hands what it holds back to the store before the store judges a request', async () => {
    const { limiter } = replica({ allowanceShare: 0.1, allowanceIdleMs: 60_000 });
    const partition = uniquePartition();
    const scopes = [{ id: 'key:t', tokensPerMinute: 60_000 }];
    // 5,000 reserved and 6,000 held: 49,000 left in the store, 55,000 in all.
    expectAdmitted(await limiter.admit(admission(partition, scopes, 5_000)));
    expectAdmitted(await limiter.admit(admission(partition, scopes, 52_000)));
    const refused = expectRefused(await limiter.admit(admission(partition, scopes, 10_000)));
    // About 3,000 tokens are left: 7 s until 10,000 fit.
    expect(refused.retryAfterMs).toBeLessThanOrEqual(7_000);
    expect(refused.retryAfterMs).toBeGreaterThanOrEqual(6_500);
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
    // charged ahead as 21; the 9 still held at the old rate (18 at the new) came back. One
    // request comes back every 30 ms as the limit refills.
    const remaining = (await storeState(partition, after))[0]?.remainingRequests;
    expect(remaining).toBeGreaterThanOrEqual(1_975);
    expect(remaining).toBeLessThanOrEqual(1_990);
  });

  it('renews the slots it holds past the slot TTL, and frees them on close', async () => {
    // Renewed every 500 ms: a timer late by up to 1.5 s still renews in time.
    const { limiter } = replica({ slotTtlMs: 2_000, allowanceIdleMs: 60_000 });
    const partition = uniquePartition();
    const scopes = [{ id: 'key:s', maxConcurrent: 1_000 }];
    const first = expectAdmitted(await limiter.admit(admission(partition, scopes)));
    await limiter.finish(first.lease, undefined);
    await sleep(1_600);
    const drawn = expectAdmitted(await limiter.admit(admission(partition, scopes)));
    await sleep(1_400);
    // 3 s after they were granted, the 10 slots held here (one lent) are still alive.
    expect((await storeState(partition, scopes))[0]?.remainingConcurrent).toBe(990);
    await limiter.finish(drawn.lease, undefined);
    await limiter.close();
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
