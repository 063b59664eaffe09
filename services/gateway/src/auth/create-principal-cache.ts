import type { Principal } from './principal.js';

/** Options of {@link createPrincipalCache}. */
export interface PrincipalCacheOptions {
  maxEntries: number;
  /** How long a found principal is trusted without asking again. */
  ttlMs: number;
  /** How long "no such key" is remembered (short: a new key must work at once). */
  negativeTtlMs: number;
  /**
   * How long after Postgres last confirmed a key its principal may still be served while
   * Postgres is unreachable (stale-while-error); 0 turns that off. Never for "no such key".
   */
  staleTtlMs: number;
  now: () => number;
}

/** A cached answer; `stale` when it is a copy served because Postgres could not be asked. */
export interface CachedPrincipal {
  principal: Principal | null;
  stale: boolean;
}

/** A principal past its TTL still within its stale window, and when that window closes. */
export interface StalePrincipal {
  principal: Principal;
  staleUntil: number;
}

/**
 * The in-process first tier of key lookup: an LRU of principals by key hash with a short TTL,
 * each kept for a longer stale window as the fallback of a Postgres outage. `generation` guards
 * against a lookup that began before an eviction storing stale data after it.
 */
export interface PrincipalCache {
  /** The fresh answer (null: known not to exist), undefined when not cached or past its TTL. */
  get(keyHash: string): CachedPrincipal | undefined;
  /** A found principal past its TTL but within its stale window. */
  getStale(keyHash: string): StalePrincipal | undefined;
  /**
   * Stores a lookup's answer unless an eviction happened since `generation` was read. With
   * `staleUntil` it is a stale copy re-served: fresh for the TTL at most, its window unchanged.
   */
  set(keyHash: string, principal: Principal | null, generation: number, staleUntil?: number): void;
  generation(): number;
  /** Forgets these key hashes and every principal of `teamId`, stale copies included. */
  evict(keyHashes: readonly string[], teamId: string | null): void;
  size(): number;
}

interface Entry {
  principal: Principal | null;
  freshUntil: number;
  /** Past this the entry is dropped; equal to `freshUntil` for "no such key". */
  staleUntil: number;
  stale: boolean;
}

export function createPrincipalCache(options: PrincipalCacheOptions): PrincipalCache {
  // A Map iterates in insertion order: re-inserting on read keeps the oldest entry first.
  const entries = new Map<string, Entry>();
  let generation = 0;
  /** The live entry, moved to the young end; dropped once past its stale window. */
  const touch = (keyHash: string): Entry | undefined => {
    const entry = entries.get(keyHash);
    if (entry === undefined) return undefined;
    entries.delete(keyHash);
    if (entry.staleUntil <= options.now()) return undefined;
    entries.set(keyHash, entry);
    return entry;
  };
  return {
    get(keyHash) {
      const entry = touch(keyHash);
      if (entry === undefined || entry.freshUntil <= options.now()) return undefined;
      return { principal: entry.principal, stale: entry.stale };
    },
    getStale(keyHash) {
      const entry = touch(keyHash);
      if (entry?.principal == null) return undefined;
      return { principal: entry.principal, staleUntil: entry.staleUntil };
    },
    set(keyHash, principal, seenGeneration, staleUntil) {
      if (seenGeneration !== generation) return;
      const now = options.now();
      let entry: Entry;
      if (principal === null) {
        const until = now + options.negativeTtlMs;
        entry = { principal, freshUntil: until, staleUntil: until, stale: false };
      } else if (staleUntil === undefined) {
        const freshUntil = now + options.ttlMs;
        const until = Math.max(freshUntil, now + options.staleTtlMs);
        entry = { principal, freshUntil, staleUntil: until, stale: false };
      } else {
        const freshUntil = Math.min(now + options.ttlMs, staleUntil);
        entry = { principal, freshUntil, staleUntil, stale: true };
      }
      entries.delete(keyHash);
      entries.set(keyHash, entry);
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
