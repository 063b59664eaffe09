import type { Principal } from './principal.js';

/** Options of {@link createPrincipalCache}. */
export interface PrincipalCacheOptions {
  maxEntries: number;
  /** How long a found principal is trusted without asking again. */
  ttlMs: number;
  /** How long "no such key" is remembered (short: a new key must work at once). */
  negativeTtlMs: number;
  now: () => number;
}

/**
 * The in-process first tier of key lookup: an LRU of principals by key hash with a short TTL.
 * `generation` guards against a lookup that began before an eviction storing stale data after it.
 */
export interface PrincipalCache {
  /** The principal, null for a key known not to exist, undefined when not cached. */
  get(keyHash: string): Principal | null | undefined;
  /** Stores a lookup's answer unless an eviction happened since `generation` was read. */
  set(keyHash: string, principal: Principal | null, generation: number): void;
  generation(): number;
  /** Forgets these key hashes and every principal of `teamId`. */
  evict(keyHashes: readonly string[], teamId: string | null): void;
  size(): number;
}

interface Entry {
  principal: Principal | null;
  expiresAt: number;
}

export function createPrincipalCache(options: PrincipalCacheOptions): PrincipalCache {
  // A Map iterates in insertion order: re-inserting on read keeps the oldest entry first.
  const entries = new Map<string, Entry>();
  let generation = 0;
  return {
    get(keyHash) {
      const entry = entries.get(keyHash);
      if (entry === undefined) return undefined;
      entries.delete(keyHash);
      if (entry.expiresAt <= options.now()) return undefined;
      entries.set(keyHash, entry);
      return entry.principal;
    },
    set(keyHash, principal, seenGeneration) {
      if (seenGeneration !== generation) return;
      const ttl = principal === null ? options.negativeTtlMs : options.ttlMs;
      entries.delete(keyHash);
      entries.set(keyHash, { principal, expiresAt: options.now() + ttl });
      while (entries.size > options.maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
    },
    generation: () => generation,
    evict(keyHashes, teamId) {
      generation += 1;
      for (const keyHash of keyHashes) entries.delete(keyHash);
      if (teamId === null) return;
      for (const [keyHash, entry] of entries) {
        if (entry.principal?.teamId === teamId) entries.delete(keyHash);
      }
    },
    size: () => entries.size,
  };
}
