import { createHmac, hash, timingSafeEqual } from 'node:crypto';
import { ApiError, apiErrors } from '@switchyard/service-kit';
import { createDigestMemo } from './create-digest-memo.js';
import type { CachedPrincipal, PrincipalCache, StalePrincipal } from './create-principal-cache.js';
import type { SharedPrincipalCache } from './create-redis-principal-cache.js';
import type { FindPrincipal } from './find-principal-in-database.js';
import type { KeyLookupMetrics } from './key-lookup-metrics.js';
import { MASTER_PRINCIPAL, type Principal } from './principal.js';

/** Resolves the caller's credential to a principal, or throws a 401. */
export type Authenticator = (headers: Readonly<Record<string, unknown>>) => Promise<Principal>;

/** How per-team keys are found; absent when the gateway has no accounting database. */
export interface KeyLookup {
  /** Server-side secret the stored key HMACs are keyed with (SWITCHYARD_KEY_PEPPER). */
  pepper: string;
  cache: PrincipalCache;
  shared: SharedPrincipalCache | undefined;
  find: FindPrincipal;
  /** How long a key confirmed by Postgres may be served while Postgres is unreachable; 0: never. */
  staleTtlMs: number;
  /**
   * How long a lookup waits for Postgres before a key with a stale copy is served from it (a
   * hung connection answers nothing); keys without a copy wait for Postgres as long as it takes.
   */
  staleAfterMs: number;
  /** Longest wait for Postgres in all: past it a key without a copy gets 503 (a hung connection). */
  timeoutMs: number;
  metrics: KeyLookupMetrics;
  now: () => number;
}

/** Every Switchyard key starts so; anything else is refused without a lookup. */
const KEY_PREFIX = 'sk-sy-';
/** Keys that authenticated whose digest is remembered (a key sends many requests). */
const DIGEST_MEMO_ENTRIES = 4_096;
/** Longer keys are digested every time: no Switchyard key is this long, and memory stays bounded. */
const DIGEST_MEMO_MAX_CHARS = 256;

/**
 * Accepts `Authorization: Bearer <key>` (OpenAI SDKs) or `x-api-key: <key>` (Anthropic SDKs).
 * Each presented key is digested: with team keys, its HMAC (the stored keys' hash) is compared
 * in constant time with the master key's, precomputed, and is otherwise the lookup key; without
 * them, its SHA-256 is compared with the master key's. The digests of up to
 * {@link DIGEST_MEMO_ENTRIES} keys that authenticated are remembered ({@link createDigestMemo}).
 * Other keys are found by their HMAC through the LRU, then Redis, then Postgres, and refused once
 * expired. When Postgres fails, a key it confirmed within `staleTtlMs` is served from its stale
 * copy (this process's, else Redis's); any other key gets 503. Evictions on key changes remove
 * stale copies too.
 */
export function createAuthenticator(options: {
  masterKey: string;
  keys?: KeyLookup | undefined;
}): Authenticator {
  const { keys } = options;
  const digests = createDigestMemo({
    digest: keys === undefined ? sha256 : (value: string) => hmac(keys.pepper, value),
    maxEntries: DIGEST_MEMO_ENTRIES,
    maxKeyChars: DIGEST_MEMO_MAX_CHARS,
  });
  const masterDigest = digests.digest(options.masterKey).bytes;
  const lookups = new Map<string, Promise<CachedPrincipal>>();
  return async (headers) => {
    const key = presentedKey(headers);
    if (key === undefined) throw apiErrors.missingApiKey();
    const keyDigest = digests.digest(key);
    if (timingSafeEqual(keyDigest.bytes, masterDigest)) {
      digests.remember(key, keyDigest);
      return MASTER_PRINCIPAL;
    }
    if (keys === undefined || !key.startsWith(KEY_PREFIX)) throw apiErrors.invalidApiKey();
    const keyHash = keyDigest.hex;
    let cached = keys.cache.get(keyHash);
    if (cached === undefined) {
      // Concurrent first requests of one key share a single lookup.
      let lookup = lookups.get(keyHash);
      if (lookup === undefined) {
        lookup = lookUp(keys, keyHash).finally(() => lookups.delete(keyHash));
        lookups.set(keyHash, lookup);
      }
      cached = await lookup;
    }
    const { principal } = cached;
    if (principal === null) throw apiErrors.invalidApiKey();
    if (cached.stale) keys.metrics.servedStale();
    if (principal.expiresAt !== null && principal.expiresAt <= keys.now()) {
      throw new ApiError(401, 'authentication_error', 'invalid_api_key', 'API key has expired.');
    }
    digests.remember(key, keyDigest);
    return principal;
  };
}

type Attempt =
  | { kind: 'found'; principal: Principal | null }
  | { kind: 'failed'; error: unknown }
  | { kind: 'slow' };

async function lookUp(keys: KeyLookup, keyHash: string): Promise<CachedPrincipal> {
  const generation = keys.cache.generation();
  const shared = await keys.shared?.get(keyHash);
  if (shared !== undefined) {
    keys.cache.set(keyHash, shared, generation);
    return { principal: shared, stale: false };
  }
  // Caches its answer even when it comes after a stale copy was served.
  const finding: Promise<Attempt> = findInStore(keys, keyHash, generation);
  const patienceMs =
    keys.staleTtlMs > 0 ? Math.min(keys.staleAfterMs, keys.timeoutMs) : keys.timeoutMs;
  let attempt = await withPatience(finding, patienceMs);
  if (attempt.kind === 'found') return { principal: attempt.principal, stale: false };
  const copy = await staleCopy(keys, keyHash);
  // A key change heard meanwhile may concern this key: its copy is no longer to be trusted.
  const stale = keys.cache.generation() === generation ? copy : undefined;
  if (stale !== undefined) {
    const error = attempt.kind === 'failed' ? attempt.error : notAnswered(patienceMs);
    keys.metrics.storeError(error, 'stale');
    // Trusted for the TTL so an outage costs Postgres one attempt per key per TTL, not per request.
    keys.cache.set(keyHash, stale.principal, generation, stale.staleUntil);
    return { principal: stale.principal, stale: true };
  }
  // No copy to fall back on: a slow store is waited for, up to the timeout.
  if (attempt.kind === 'slow') attempt = await withPatience(finding, keys.timeoutMs - patienceMs);
  if (attempt.kind === 'found') return { principal: attempt.principal, stale: false };
  const error = attempt.kind === 'failed' ? attempt.error : notAnswered(keys.timeoutMs);
  keys.metrics.storeError(error, 'unavailable');
  throw apiErrors.unavailable('The key store is unreachable; retry shortly.', error);
}

/** Asks Postgres and caches the answer in the LRU and Redis; never rejects. */
async function findInStore(keys: KeyLookup, keyHash: string, generation: number): Promise<Attempt> {
  let found: Principal | null;
  try {
    found = await keys.find(Buffer.from(keyHash, 'hex'));
  } catch (error: unknown) {
    return { kind: 'failed', error };
  }
  keys.cache.set(keyHash, found, generation);
  if (found !== null) await keys.shared?.set(keyHash, found);
  return { kind: 'found', principal: found };
}

const notAnswered = (ms: number) => new Error(`the key store did not answer within ${ms} ms`);

/** The attempt's outcome, or `slow` once `patienceMs` passed first. */
function withPatience(attempt: Promise<Attempt>, patienceMs: number): Promise<Attempt> {
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<Attempt>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'slow' }), patienceMs);
  });
  return Promise.race([attempt, slow]).finally(() => clearTimeout(timer));
}

/** This process's stale copy of a key, else Redis's, while within its window. */
async function staleCopy(keys: KeyLookup, keyHash: string): Promise<StalePrincipal | undefined> {
  if (keys.staleTtlMs <= 0) return undefined;
  const local = keys.cache.getStale(keyHash);
  if (local !== undefined) return local;
  const shared = await keys.shared?.getStale(keyHash);
  if (shared === undefined) return undefined;
  const staleUntil = shared.seenAt + keys.staleTtlMs;
  return staleUntil > keys.now() ? { principal: shared.principal, staleUntil } : undefined;
}

function presentedKey(headers: Readonly<Record<string, unknown>>): string | undefined {
  const authorization = headers.authorization;
  if (typeof authorization === 'string') {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    return match?.[1];
  }
  const apiKey = headers['x-api-key'];
  return typeof apiKey === 'string' && apiKey !== '' ? apiKey : undefined;
}

function sha256(value: string): Buffer {
  return hash('sha256', value, 'buffer');
}

function hmac(pepper: string, value: string): Buffer {
  return createHmac('sha256', pepper).update(value).digest();
}
