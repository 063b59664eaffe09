import { describe, expect, it } from 'vitest';
import { type CachedToken, createTokenCache } from './create-token-cache.js';

function setup(refreshMarginMs = 300_000) {
  let now = 1_000_000;
  const fetched: string[] = [];
  const cache = createTokenCache({ now: () => now, refreshMarginMs });
  const fetchToken = (lifetimeMs: number) => async (): Promise<CachedToken> => {
    const token = `token-${fetched.length + 1}`;
    fetched.push(token);
    return { token, expiresAtMs: now + lifetimeMs };
  };
  return { cache, fetched, fetchToken, advance: (ms: number) => (now += ms) };
}

describe('createTokenCache', () => {
  it('reuses a token until the margin before its expiry', async () => {
    const { cache, fetched, fetchToken, advance } = setup();
    const oneHour = fetchToken(3_600_000);
    expect(await cache.get('a', oneHour)).toBe('token-1');
    advance(3_600_000 - 300_001);
    expect(await cache.get('a', oneHour)).toBe('token-1');
    advance(1);
    expect(await cache.get('a', oneHour)).toBe('token-2');
    expect(fetched).toEqual(['token-1', 'token-2']);
  });

  it('refreshes a short-lived token half way through its life', async () => {
    const { cache, fetchToken, advance } = setup();
    const twoSeconds = fetchToken(2000);
    expect(await cache.get('a', twoSeconds)).toBe('token-1');
    advance(999);
    expect(await cache.get('a', twoSeconds)).toBe('token-1');
    advance(1);
    expect(await cache.get('a', twoSeconds)).toBe('token-2');
  });

  it('shares one fetch between concurrent callers and keeps keys apart', async () => {
    const { cache, fetched, fetchToken } = setup();
    const tokens = await Promise.all([
      cache.get('a', fetchToken(60_000)),
      cache.get('a', fetchToken(60_000)),
      cache.get('b', fetchToken(60_000)),
    ]);
    expect(tokens).toEqual(['token-1', 'token-1', 'token-2']);
    expect(fetched).toHaveLength(2);
  });

  it('does not cache a failed fetch', async () => {
    const { cache, fetchToken } = setup();
    await expect(cache.get('a', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('a', fetchToken(60_000))).toBe('token-1');
  });
});
