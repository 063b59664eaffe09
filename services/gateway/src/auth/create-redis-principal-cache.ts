import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { Principal } from './principal.js';

/** The shared second tier of key lookup, between each gateway's LRU and Postgres. */
export interface SharedPrincipalCache {
  /** The cached principal; undefined on a miss or when the store fails (Postgres answers then). */
  get(keyHash: string): Promise<Principal | undefined>;
  set(keyHash: string, principal: Principal): Promise<void>;
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

/** Versioned so a rolling deploy never reads another version's layout. */
const redisKey = (keyHash: string) => `sy:principal:v2:${keyHash}`;

/**
 * Principals in Redis under `sy:principal:v2:<hash>` with a TTL, so N replicas cost Postgres one
 * read per key per TTL instead of N. Store failures are reported and read as misses.
 */
export function createRedisPrincipalCache(options: {
  redis: Redis;
  ttlMs: number;
  onError: (error: unknown) => void;
}): SharedPrincipalCache {
  const { redis, ttlMs, onError } = options;
  return {
    async get(keyHash) {
      try {
        const text = await redis.get(redisKey(keyHash));
        if (text === null) return undefined;
        const parsed = principalSchema.safeParse(JSON.parse(text));
        return parsed.success ? parsed.data : undefined;
      } catch (error: unknown) {
        onError(error);
        return undefined;
      }
    },
    async set(keyHash, principal) {
      try {
        await redis.set(redisKey(keyHash), JSON.stringify(principal), 'PX', ttlMs);
      } catch (error: unknown) {
        onError(error);
      }
    },
    async delete(keyHashes) {
      if (keyHashes.length === 0) return;
      try {
        await redis.del(...keyHashes.map(redisKey));
      } catch (error: unknown) {
        onError(error);
      }
    },
  };
}
