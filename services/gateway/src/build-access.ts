import type { Bus } from '@switchyard/bus';
import { parseUsd, toNanoUsd } from '@switchyard/contracts';
import { sumBudgetSpend, type Tables } from '@switchyard/db';
import {
  type BudgetLedger,
  createMemoryBudgetLedger,
  createMemoryRateLimiter,
  createRedisBudgetLedger,
  createRedisRateLimiter,
  type RateLimiter,
} from '@switchyard/limits';
import type { FastifyBaseLogger as Logger } from 'fastify';
import type { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import type { Registry } from 'prom-client';
import { type AdmissionMetrics, createAdmissionMetrics } from './admission/admission-metrics.js';
import {
  type BudgetChecks,
  createBudgetChecks,
  type LedgerSpend,
} from './admission/create-budget-checks.js';
import {
  type Authenticator,
  createAuthenticator,
  type KeyLookup,
} from './auth/create-authenticator.js';
import { createPrincipalCache } from './auth/create-principal-cache.js';
import { createRedisPrincipalCache } from './auth/create-redis-principal-cache.js';
import { evictOnKeyChanges } from './auth/evict-on-key-changes.js';
import { findPrincipalInDatabase } from './auth/find-principal-in-database.js';
import { createKeyLookupMetrics } from './auth/key-lookup-metrics.js';
import type { GatewayConfig } from './config.js';

/** The shared stores the gateway may be given; each is optional (standalone has none of Redis/NATS). */
export interface GatewayStores {
  /** Accounting's database, read-only; a promise while it is still starting (standalone PGlite). */
  db?: Kysely<Tables> | Promise<Kysely<Tables>>;
  redis?: Redis;
  bus?: Bus;
  /** A limiter to use instead of one built from `redis` (tests pin time with it). */
  limiter?: RateLimiter;
  /** Budget counters to use instead of ones built from `redis` (standalone reconciles its own). */
  budgets?: BudgetLedger;
}

/** Who may call and how much: the authenticator, the rate limiter, and their wiring. */
export interface Access {
  authenticate: Authenticator;
  limiter: RateLimiter;
  budgets: BudgetChecks;
  admissionMetrics: AdmissionMetrics;
  /** Stops listening for key changes. */
  close(): void;
}

const KEY_CACHE_MAX_ENTRIES = 50_000;
const NEGATIVE_KEY_CACHE_TTL_MS = 1_000;
/** A key lookup takes milliseconds; one Postgres has not answered in this long is treated as down. */
const KEY_STORE_PATIENCE_MS = 1_000;
/** A hung Postgres answers keys without a stale copy with 503 after this (the pool's connect timeout). */
const KEY_STORE_TIMEOUT_MS = 5_000;

/**
 * Keys: master key always; per-team keys through LRU → Redis → Postgres when a database and
 * the pepper are there (stale copies through a Postgres outage), evicted on NATS key-change
 * broadcasts. Limits: Redis when given (shared by every replica), else in memory (one process).
 */
export function buildAccess(
  config: GatewayConfig,
  stores: GatewayStores,
  context: { registry: Registry; logger: Logger; now: () => number },
): Access {
  const access = config.access;
  const admissionMetrics = createAdmissionMetrics(context.registry, context.logger, context.now);
  // One Redis behaviour for rate limits and budgets alike.
  const store = {
    failMode: access?.rateLimitFailMode ?? 'open',
    timeoutMs: access?.limitStoreTimeoutMs ?? 1_000,
    onStoreError: admissionMetrics.storeError,
  } as const;
  const limiter =
    stores.limiter ??
    (stores.redis
      ? createRedisRateLimiter({
          redis: stores.redis,
          ...store,
          allowanceShare: access?.limitAllowanceShare ?? 0,
          ...(access?.limitAllowanceIdleMs !== undefined && {
            allowanceIdleMs: access.limitAllowanceIdleMs,
          }),
        })
      : createMemoryRateLimiter());
  const ledger =
    stores.budgets ??
    (stores.redis
      ? createRedisBudgetLedger({
          redis: stores.redis,
          ...store,
        })
      : createMemoryBudgetLedger());
  const budgets = createBudgetChecks({
    ledger,
    failMode: store.failMode,
    metrics: admissionMetrics,
    ledgerSpend: ledgerSpendOf(stores.db),
  });
  let keys: KeyLookup | undefined;
  let stopEvicting: () => void = () => undefined;
  if (stores.db !== undefined && access?.keyPepper !== undefined) {
    const database = stores.db;
    const cache = createPrincipalCache({
      maxEntries: KEY_CACHE_MAX_ENTRIES,
      ttlMs: access.keyCacheTtlMs,
      negativeTtlMs: Math.min(NEGATIVE_KEY_CACHE_TTL_MS, access.keyCacheTtlMs),
      staleTtlMs: access.keyStaleTtlMs,
      now: context.now,
    });
    const shared = stores.redis
      ? createRedisPrincipalCache({
          redis: stores.redis,
          ttlMs: access.sharedKeyCacheTtlMs,
          staleTtlMs: access.keyStaleTtlMs,
          now: context.now,
          onError: (error) =>
            context.logger.warn({ err: error }, 'principal cache in Redis failed'),
        })
      : undefined;
    const find = findPrincipalInDatabase(database);
    keys = {
      pepper: access.keyPepper,
      cache,
      shared,
      find,
      staleTtlMs: access.keyStaleTtlMs,
      staleAfterMs: KEY_STORE_PATIENCE_MS,
      timeoutMs: KEY_STORE_TIMEOUT_MS,
      metrics: createKeyLookupMetrics(context.registry, context.logger, context.now),
      now: context.now,
    };
    if (stores.bus) {
      const subscription = evictOnKeyChanges({
        bus: stores.bus,
        cache,
        shared,
        logger: context.logger,
      });
      stopEvicting = () => subscription.unsubscribe();
    }
  }
  return {
    authenticate: createAuthenticator({ masterKey: config.masterKey, keys }),
    limiter,
    budgets,
    admissionMetrics,
    close: stopEvicting,
  };
}

/**
 * Budget counters are seeded from accounting's daily rollups (read-only); with no database
 * there is no spend recorded anywhere, so an unknown counter starts at zero.
 */
function ledgerSpendOf(db: GatewayStores['db']): LedgerSpend {
  if (db === undefined) return async () => 0n;
  return async (owner, sinceMs) =>
    toNanoUsd(parseUsd(await sumBudgetSpend(await db, { ...owner, sinceMs })));
}
