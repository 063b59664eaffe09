import { useRedis } from '@switchyard/testing';
import { Redis, type RedisOptions } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  admission,
  expectAdmitted,
  expectRefused,
  sleep,
  uniquePartition,
} from '../contract/contract-harness.js';
import { describeRateLimiterContract } from '../describe-rate-limiter-contract.js';
import { LimiterUnavailableError } from '../limiter-unavailable-error.js';
import { SCRIPT_VERSION } from '../script-version.js';
import { createRedisRateLimiter } from './create-redis-rate-limiter.js';

const clients: Redis[] = [];
let redisUrl: string;

/** A client of the test Redis (or of `url`), closed after the file. */
function connect(url = redisUrl, options: RedisOptions = {}): Redis {
  const client = new Redis(url, options);
  // An unreachable Redis is what some tests want: keep ioredis from printing its errors.
  client.on('error', () => {});
  clients.push(client);
  return client;
}

beforeAll(async () => {
  redisUrl = (await useRedis()).url;
});

afterAll(() => {
  for (const client of clients) client.disconnect();
});

describeRateLimiterContract('createRedisRateLimiter', {
  createLimiter: (options) =>
    createRedisRateLimiter({ redis: connect(), failMode: 'closed', ...options }),
  advance: sleep,
  clockSlackMs: 250,
});

describeRateLimiterContract('createRedisRateLimiter charging ahead', {
  createLimiter: (options) =>
    createRedisRateLimiter({
      redis: connect(),
      failMode: 'closed',
      allowanceShare: 0.01,
      ...options,
    }),
  advance: sleep,
  clockSlackMs: 250,
});

describe('createRedisRateLimiter', () => {
  it('ends a request that held no slot and no tokens without a round trip, others with one', async () => {
    const redis = connect();
    const limiter = createRedisRateLimiter({ redis, failMode: 'closed' });
    const partition = uniquePartition();
    const rateOnly = expectAdmitted(
      await limiter.admit(admission(partition, [{ id: 'key:a', requestsPerMinute: 60 }], 500)),
    );
    const withSlot = expectAdmitted(
      await limiter.admit(admission(partition, [{ id: 'key:b', maxConcurrent: 1 }])),
    );
    const withTokens = expectAdmitted(
      await limiter.admit(admission(partition, [{ id: 'key:c', tokensPerMinute: 1_000 }], 500)),
    );
    const commands = vi.spyOn(redis, 'sendCommand');
    await limiter.finish(rateOnly.lease, 20);
    await limiter.finish(rateOnly.lease, undefined);
    expect(commands).not.toHaveBeenCalled();
    // Tokens already charged exactly: nothing to reconcile either.
    await limiter.finish(withTokens.lease, 500);
    expect(commands).not.toHaveBeenCalled();
    await limiter.finish(withSlot.lease, undefined);
    expect(commands).toHaveBeenCalledTimes(1);
    expectAdmitted(await limiter.admit(admission(partition, [{ id: 'key:b', maxConcurrent: 1 }])));
  });

  it('shares limits exactly between two gateways with their own clients', async () => {
    const gateways = [connect(), connect()].map((redis) =>
      createRedisRateLimiter({ redis, failMode: 'closed' }),
    );
    const partition = uniquePartition();
    const scopes = [
      { id: 'key:a', requestsPerMinute: 60 },
      { id: 'team:t', requestsPerMinute: 1_000 },
    ];
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, index) =>
        gateways[index % 2]?.admit(admission(partition, scopes)),
      ),
    );
    expect(results.filter((result) => result?.admitted)).toHaveLength(60);
    const [, team] = await (gateways[0]?.state(partition, scopes) ?? []);
    expect(team?.remainingRequests).toBeGreaterThanOrEqual(940);
    expect(team?.remainingRequests).toBeLessThanOrEqual(941);
  });

  it('keeps every key of a partition under one versioned hash tag, each with a TTL', async () => {
    const redis = connect();
    const limiter = createRedisRateLimiter({ redis, failMode: 'closed', slotTtlMs: 5_000 });
    const partition = uniquePartition();
    const scope = { id: 'key:a', requestsPerMinute: 60, tokensPerMinute: 60_000, maxConcurrent: 2 };
    const { lease } = expectAdmitted(await limiter.admit(admission(partition, [scope], 1_000)));

    const prefix = `sy:${SCRIPT_VERSION}:{${partition}}:key:a:`;
    const keys = (await redis.keys(`sy:${SCRIPT_VERSION}:{${partition}}:*`)).sort();
    expect(keys).toEqual([`${prefix}c`, `${prefix}r`, `${prefix}t`]);
    const ttls = await Promise.all(keys.map((key) => redis.pttl(key)));
    expect(ttls[0]).toBeGreaterThan(4_000);
    expect(ttls[0]).toBeLessThanOrEqual(5_000);
    expect(ttls[1]).toBeGreaterThan(0);
    expect(ttls[1]).toBeLessThanOrEqual(1_000);
    expect(ttls[2]).toBeGreaterThan(0);
    expect(ttls[2]).toBeLessThanOrEqual(1_000);

    await limiter.release(lease);
    await limiter.reconcile(lease, 0);
    expect(await redis.keys(`sy:${SCRIPT_VERSION}:{${partition}}:*`)).toEqual([`${prefix}r`]);
  });

  it('admits unchecked and reports the error when Redis is unreachable and it fails open', async () => {
    const errors: unknown[] = [];
    const limiter = createRedisRateLimiter({
      redis: connect('redis://127.0.0.1:1'),
      failMode: 'open',
      timeoutMs: 100,
      onStoreError: (error) => errors.push(error),
    });
    const scopes = [{ id: 'key:a', requestsPerMinute: 1, tokensPerMinute: 10, maxConcurrent: 1 }];
    const started = performance.now();
    for (let count = 0; count < 3; count++) {
      const result = await limiter.admit(admission('p', scopes, 1_000));
      expect(result).toMatchObject({ admitted: true, degraded: true, states: [] });
      if (result.admitted) {
        expect(result.lease.degraded).toBe(true);
        await limiter.reconcile(result.lease, 5);
        await limiter.release(result.lease);
      }
    }
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(await limiter.state('p', scopes)).toEqual([]);
    expect(errors.length).toBeGreaterThanOrEqual(4);
    expect(errors.every((error) => error instanceof Error)).toBe(true);
  });

  it('throws LimiterUnavailableError when Redis is unreachable and it fails closed', async () => {
    const errors: unknown[] = [];
    const limiter = createRedisRateLimiter({
      redis: connect('redis://127.0.0.1:1'),
      failMode: 'closed',
      timeoutMs: 100,
      onStoreError: (error) => errors.push(error),
    });
    const scopes = [{ id: 'key:a', requestsPerMinute: 10 }];
    const failure = limiter.admit(admission('p', scopes));
    await expect(failure).rejects.toThrow(LimiterUnavailableError);
    await expect(failure).rejects.toHaveProperty('cause', errors[0]);
    await expect(limiter.state('p', scopes)).rejects.toThrow(LimiterUnavailableError);
    expect(errors).toHaveLength(2);
  });

  it('fails fast while the client knows it is disconnected', async () => {
    const redis = connect('redis://127.0.0.1:1', { retryStrategy: () => 5_000 });
    const limiter = createRedisRateLimiter({ redis, failMode: 'closed', timeoutMs: 2_000 });
    await sleep(100);
    expect(redis.status).toBe('reconnecting');
    const started = performance.now();
    await expect(limiter.admit(admission('p', [{ id: 'k', maxConcurrent: 1 }]))).rejects.toThrow(
      LimiterUnavailableError,
    );
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('refuses with the same arithmetic as the memory limiter (7 RPM)', async () => {
    const limiter = createRedisRateLimiter({ redis: connect(), failMode: 'closed' });
    const partition = uniquePartition();
    const scopes = [{ id: 'key:a', requestsPerMinute: 7 }];
    const results = await Promise.all(
      Array.from({ length: 8 }, () => limiter.admit(admission(partition, scopes))),
    );
    expect(results.filter((result) => result.admitted)).toHaveLength(7);
    const refusal = results.find((result) => !result.admitted);
    if (refusal === undefined) throw new Error('expected a refusal');
    const refused = expectRefused(refusal);
    expect(refused.retryAfterMs).toBeGreaterThan(8_300);
    expect(refused.retryAfterMs).toBeLessThanOrEqual(8_572);
  });
});
