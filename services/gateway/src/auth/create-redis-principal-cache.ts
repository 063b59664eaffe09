import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { Principal } from './principal.js';

/** The shared second tier of key lookup, between each gateway's LRU and Postgres. */
export interface SharedPrincipalCache {
  /** The cached principal; undefined on a miss or when the store fails (Postgres answers then). */
  get(keyHash: string): Promise<Principal | undefined>;
  /**
   * The longer-lived copy kept for a Postgres outage and when Postgres last confirmed it;
   * undefined on a miss or when the store fails.
   */
  getStale(keyHash: string): Promise<{ principal: Principal; seenAt: number } | undefined>;
  /** Stores a principal just read from Postgres: the fresh entry and the stale copy. */
  set(keyHash: string, principal: Principal): Promise<void>;
  /** Deletes both entries of each key hash. */
  delete(keyHashes: readonly string[]): Promise<void>;
}

const limitsSchema = z.object({
  requestsPerMinute: z.number().int().positive().optional(),
  tokensPerMinute: z.number().int().positive().optional(),
  maxConcurrent: z.number().int().positive().optional(),
});

const principalSchema = z.object({
  keyId: z.string(),
  keyName: z.string(),
  keyPrefix: z.string().nullable(),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  role: z.enum(['admin', 'team_admin', 'member']),
  keyLimits: limitsSchema,
  teamLimits: limitsSchema,
  modelLimits: z.record(z.string(), limitsSchema),
  allowlists: z.array(z.array(z.string())),
  freeOnly: z.boolean(),
  budgets: z.array(
    z.object({
      scope: z.enum(['key', 'team']),
      limitUsd: z.string(),
      period: z.enum(['day', 'month', 'total']),
    }),
  ),
  expiresAt: z.number().nullable(),
  logBodies: z.boolean(),
});

const staleCopySchema = z.object({ seenAt: z.number(), principal: principalSchema });

/** Versioned so a rolling deploy never reads another version's layout. */
const redisKey = (keyHash: string) => `sy:principal:v2:${keyHash}`;
/** Apart from the fresh entry, so a replica of an older version never trusts it for long. */
const staleRedisKey = (keyHash: string) => `sy:principal-stale:v1:${keyHash}`;

/**
 * Principals in Redis under `sy:principal:v2:<hash>` with a TTL, so N replicas cost Postgres one
 * read per key per TTL instead of N, and under `sy:principal-stale:v1:<hash>` for `staleTtlMs`
 * (when above 0), so a replica that never saw a key can serve it through a Postgres outage.
 * Store failures are reported and read as misses.
 */
export function createRedisPrincipalCache(options: {
  redis: Redis;
  ttlMs: number;
  staleTtlMs: number;
  now: () => number;
  onError: (error: unknown) => void;
}): SharedPrincipalCache {
  const { redis, ttlMs, staleTtlMs, now, onError } = options;
  const read = async <T>(key: string, schema: z.ZodType<T>): Promise<T | undefined> => {
    try {
      const text = await redis.get(key);
      if (text === null) return undefined;
      const parsed = schema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : undefined;
    } catch (error: unknown) {
      onError(error);
      return undefined;
    }
  };
  return {
    get: (keyHash) => read(redisKey(keyHash), principalSchema),
    getStale: (keyHash) => read(staleRedisKey(keyHash), staleCopySchema),
    async set(keyHash, principal) {
      try {
        // Two commands, not one transaction: the keys may live in different Cluster slots.
        const copy = JSON.stringify({ seenAt: now(), principal });
        await Promise.all([
          redis.set(redisKey(keyHash), JSON.stringify(principal), 'PX', ttlMs),
          staleTtlMs > 0 ? redis.set(staleRedisKey(keyHash), copy, 'PX', staleTtlMs) : undefined,
        ]);
      } catch (error: unknown) {
        onError(error);
      }
    },
    async delete(keyHashes) {
      if (keyHashes.length === 0) return;
      try {
        await Promise.all([
          redis.del(...keyHashes.map(redisKey)),
          redis.del(...keyHashes.map(staleRedisKey)),
        ]);
      } catch (error: unknown) {
        onError(error);
      }
    },
  };
}
