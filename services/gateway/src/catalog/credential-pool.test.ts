import type { CredentialConfig } from '@switchyard/config';
import { describe, expect, it } from 'vitest';
import { type CredentialPool, createCredentialPool, isCredential } from './credential-pool.js';

const credentials = (count: number, limits: Partial<CredentialConfig> = {}): CredentialConfig[] =>
  Array.from({ length: count }, (_, index) => ({
    id: `p:${index}`,
    key: `key-${index}`,
    rpm: undefined,
    tpm: undefined,
    dailyRequests: undefined,
    ...limits,
  }));
const none = new Set<string>();
/** The credential the pool hands out for model `m`, or undefined with the reason recorded. */
let lastRefusal: unknown;
function take(pool: CredentialPool, tokens: number, exclude: ReadonlySet<string> = none) {
  const result = pool.acquire('m', tokens, exclude);
  if (isCredential(result)) return result;
  lastRefusal = result;
  return undefined;
}

describe('createCredentialPool', () => {
  it('round robin spreads calls evenly', () => {
    const pool = createCredentialPool({
      provider: 'p',
      credentials: credentials(3),
      strategy: 'round_robin',
      now: () => 0,
    });
    const counts = new Map<string, number>();
    for (let index = 0; index < 300; index++) {
      const id = take(pool, 0)?.id ?? '';
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    expect([...counts.values()]).toEqual([100, 100, 100]);
  });

  it('skips a credential at its RPM and refuses when all are at their limit, until the minute turns', () => {
    let now = 0;
    const pool = createCredentialPool({
      provider: 'p',
      credentials: credentials(2, { rpm: 2 }),
      strategy: 'round_robin',
      now: () => now,
    });
    const ids = Array.from({ length: 4 }, () => take(pool, 0)?.id);
    expect(ids.sort()).toEqual(['p:0', 'p:0', 'p:1', 'p:1']);
    expect(take(pool, 0)).toBeUndefined();
    expect(lastRefusal).toEqual({ reason: 'rate_limited', retryAfterMs: 60_000 });
    now = 60_000;
    expect(take(pool, 0)).toBeDefined();
  });

  it('skips a credential cooling down after a 429, and one excluded by the caller', () => {
    let now = 0;
    const pool = createCredentialPool({
      provider: 'p',
      credentials: credentials(2),
      strategy: 'round_robin',
      now: () => now,
    });
    pool.coolDown('p:0', 'm', 1000);
    expect([take(pool, 0)?.id, take(pool, 0)?.id]).toEqual(['p:1', 'p:1']);
    expect(take(pool, 0, new Set(['p:1']))).toBeUndefined();
    now = 1000;
    expect(take(pool, 0, new Set(['p:1']))?.id).toBe('p:0');
  });

  it('counts tokens against TPM and settles estimates to actual usage', () => {
    const pool = createCredentialPool({
      provider: 'p',
      credentials: credentials(1, { tpm: 1000 }),
      strategy: 'round_robin',
      now: () => 5,
    });
    expect(take(pool, 600)).toBeDefined();
    expect(take(pool, 600)).toBeUndefined();
    pool.settle('p:0', 600, 100);
    expect(take(pool, 600)).toBeDefined();
  });

  it('enforces a daily request quota', () => {
    const pool = createCredentialPool({
      provider: 'p',
      credentials: credentials(1, { dailyRequests: 2 }),
      strategy: 'least_used',
      now: () => 0,
    });
    expect(take(pool, 0)).toBeDefined();
    expect(take(pool, 0)).toBeDefined();
    expect(take(pool, 0)).toBeUndefined();
  });

  it('least used picks the credential with the fewest calls this minute; random uses the given source', () => {
    const least = createCredentialPool({
      provider: 'p',
      credentials: credentials(3),
      strategy: 'least_used',
      now: () => 0,
    });
    const picks = Array.from({ length: 6 }, () => take(least, 0)?.id);
    expect(new Set(picks.slice(0, 3)).size).toBe(3);
    const random = createCredentialPool({
      provider: 'p',
      credentials: credentials(3),
      strategy: 'random',
      now: () => 0,
      random: () => 0.99,
    });
    expect(take(random, 0)?.id).toBe('p:2');
  });

  it('hands out a keyless credential when the provider has no keys', () => {
    const pool = createCredentialPool({
      provider: 'local',
      credentials: [],
      strategy: 'round_robin',
      now: () => 0,
    });
    expect(take(pool, 0)).toEqual({ id: 'local:none', key: undefined });
    expect(take(pool, 0, new Set(['local:none']))).toBeUndefined();
  });
});

describe('cooldowns', () => {
  it('a 429 cools a credential down for that model only; a refused key for every model', () => {
    let now = 0;
    const pool = createCredentialPool({
      provider: 'p',
      credentials: credentials(1),
      strategy: 'round_robin',
      now: () => now,
    });
    pool.coolDown('p:0', 'm', 2000);
    expect(take(pool, 0)).toBeUndefined();
    expect(lastRefusal).toEqual({ reason: 'rate_limited', retryAfterMs: 2000 });
    expect(isCredential(pool.acquire('other-model', 0, none))).toBe(true);
    pool.coolDown('p:0', undefined, 5000);
    expect(isCredential(pool.acquire('other-model', 0, none))).toBe(false);
    expect(pool.acquire('other-model', 0, none)).toEqual({
      reason: 'refused',
      retryAfterMs: undefined,
    });
    now = 5000;
    expect(take(pool, 0)).toBeDefined();
  });

  it('reports each credential’s use, limits and running cooldowns, never its key', () => {
    let now = 1_000;
    const pool = createCredentialPool({
      provider: 'p',
      credentials: credentials(2, { rpm: 10 }),
      strategy: 'round_robin',
      now: () => now,
    });
    take(pool, 100);
    take(pool, 50);
    take(pool, 25);
    pool.coolDown('p:1', 'm', 30_000);
    pool.coolDown('p:0', undefined, 60_000);
    const state = pool.state();
    expect(state).toEqual([
      expect.objectContaining({
        id: 'p:0',
        requestsThisMinute: 2,
        tokensThisMinute: 125,
        requestsToday: 2,
        limits: { rpm: 10, tpm: null, dailyRequests: null },
        refusedUntil: 61_000,
      }),
      expect.objectContaining({ id: 'p:1', coolingDown: [{ upstreamModel: 'm', until: 31_000 }] }),
    ]);
    expect(JSON.stringify(state)).not.toContain('key-');
    now = 120_000;
    expect(pool.state()[1]).toMatchObject({ requestsThisMinute: 0, coolingDown: [] });
  });
});
