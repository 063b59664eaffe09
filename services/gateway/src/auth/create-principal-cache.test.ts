import { describe, expect, it } from 'vitest';
import { createPrincipalCache } from './create-principal-cache.js';
import { MASTER_PRINCIPAL, type Principal } from './principal.js';

const principal: Principal = { ...MASTER_PRINCIPAL, keyId: 'key-1', teamId: 'team-1' };

function cacheAt(start: number) {
  const clock = { now: start };
  const cache = createPrincipalCache({
    maxEntries: 10,
    ttlMs: 5_000,
    negativeTtlMs: 1_000,
    staleTtlMs: 600_000,
    now: () => clock.now,
  });
  return { cache, clock };
}

describe('createPrincipalCache', () => {
  it('keeps a found principal as a stale copy after its TTL, until the stale window closes', () => {
    const { cache, clock } = cacheAt(1_000);
    cache.set('a', principal, cache.generation());
    expect(cache.get('a')).toEqual({ principal, stale: false });
    clock.now += 5_000;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.getStale('a')).toEqual({ principal, staleUntil: 601_000 });
    clock.now = 601_000;
    expect(cache.getStale('a')).toBeUndefined();
  });

  it('never keeps "no such key" past its short TTL', () => {
    const { cache, clock } = cacheAt(0);
    cache.set('a', null, cache.generation());
    expect(cache.get('a')).toEqual({ principal: null, stale: false });
    clock.now += 1_000;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.getStale('a')).toBeUndefined();
  });

  it('re-serves a stale copy fresh for the TTL at most, without extending its window', () => {
    const { cache, clock } = cacheAt(0);
    cache.set('a', principal, cache.generation(), 3_000);
    expect(cache.get('a')).toEqual({ principal, stale: true });
    clock.now = 3_000;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.getStale('a')).toBeUndefined();
  });

  it('drops stale copies on eviction, by key hash or team, and ignores lookups begun before', () => {
    const { cache, clock } = cacheAt(0);
    const before = cache.generation();
    cache.set('a', principal, before);
    cache.set('b', { ...principal, keyId: 'key-2' }, before);
    clock.now += 10_000;
    cache.evict(['a'], null);
    expect(cache.getStale('a')).toBeUndefined();
    expect(cache.getStale('b')).toBeDefined();
    cache.evict([], 'team-1');
    expect(cache.getStale('b')).toBeUndefined();
    cache.set('a', principal, before, 600_000);
    expect(cache.getStale('a')).toBeUndefined();
  });
});
