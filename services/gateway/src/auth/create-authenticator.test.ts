import { createHmac } from 'node:crypto';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createAuthenticator, type KeyLookup } from './create-authenticator.js';
import { createPrincipalCache } from './create-principal-cache.js';
import { createKeyLookupMetrics } from './key-lookup-metrics.js';
import { MASTER_PRINCIPAL, type Principal } from './principal.js';

const MASTER = 'sk-master-0123456789';
const PEPPER = 'pepper';
const TEAM_KEY = 'sk-sy-team-key-0123456789';
const teamPrincipal: Principal = { ...MASTER_PRINCIPAL, keyId: 'key-1', role: 'member' };
const silent = { error: () => undefined } as unknown as Parameters<
  typeof createKeyLookupMetrics
>[1];

function keyLookup(found: Buffer[]): KeyLookup {
  const now = () => 0;
  return {
    pepper: PEPPER,
    cache: createPrincipalCache({
      maxEntries: 10,
      ttlMs: 60_000,
      negativeTtlMs: 1_000,
      staleTtlMs: 0,
      now,
    }),
    shared: undefined,
    find: async (keyHash) => {
      found.push(keyHash);
      const expected = createHmac('sha256', PEPPER).update(TEAM_KEY).digest();
      return keyHash.equals(expected) ? teamPrincipal : null;
    },
    staleTtlMs: 0,
    staleAfterMs: 1_000,
    timeoutMs: 1_000,
    metrics: createKeyLookupMetrics(new Registry(), silent, now),
    now,
  };
}

describe('createAuthenticator', () => {
  it('knows the master key with or without team keys, by bearer token or x-api-key', async () => {
    for (const keys of [undefined, keyLookup([])]) {
      const authenticate = createAuthenticator({ masterKey: MASTER, keys });
      expect(await authenticate({ authorization: `Bearer ${MASTER}` })).toBe(MASTER_PRINCIPAL);
      expect(await authenticate({ 'x-api-key': MASTER })).toBe(MASTER_PRINCIPAL);
      await expect(authenticate({ authorization: `Bearer ${MASTER}x` })).rejects.toMatchObject({
        status: 401,
      });
      await expect(authenticate({})).rejects.toMatchObject({ status: 401 });
    }
  });

  it('finds a team key by the HMAC of its secret under the pepper, once for many requests', async () => {
    const found: Buffer[] = [];
    const authenticate = createAuthenticator({ masterKey: MASTER, keys: keyLookup(found) });
    expect(await authenticate({ authorization: `Bearer ${TEAM_KEY}` })).toBe(teamPrincipal);
    expect(await authenticate({ authorization: `Bearer ${TEAM_KEY}` })).toBe(teamPrincipal);
    expect(found).toHaveLength(1);
    await expect(authenticate({ authorization: 'Bearer sk-sy-unknown' })).rejects.toMatchObject({
      status: 401,
    });
    // Not a Switchyard key: refused without a lookup.
    await expect(authenticate({ authorization: 'Bearer sk-other' })).rejects.toMatchObject({
      status: 401,
    });
    expect(found).toHaveLength(2);
  });

  it('digests every key as itself, remembered or not, however many keys come and go', async () => {
    const found: Buffer[] = [];
    const authenticate = createAuthenticator({ masterKey: MASTER, keys: keyLookup(found) });
    expect(await authenticate({ authorization: `Bearer ${TEAM_KEY}` })).toBe(teamPrincipal);
    // More keys than the digests remembered: the team key's is forgotten, then computed again.
    const others = Array.from({ length: 5_000 }, (_, index) => `sk-sy-other-${index}`);
    for (const other of others) {
      await expect(authenticate({ authorization: `Bearer ${other}` })).rejects.toMatchObject({
        status: 401,
      });
    }
    expect(found.slice(1)).toEqual(
      others.map((other) => createHmac('sha256', PEPPER).update(other).digest()),
    );
    expect(await authenticate({ authorization: `Bearer ${TEAM_KEY}` })).toBe(teamPrincipal);
  });

  it('knows a master key longer than the keys whose digests are remembered', async () => {
    const longMaster = `sk-master-${'x'.repeat(400)}`;
    const authenticate = createAuthenticator({ masterKey: longMaster, keys: keyLookup([]) });
    for (let round = 0; round < 2; round += 1) {
      expect(await authenticate({ 'x-api-key': longMaster })).toBe(MASTER_PRINCIPAL);
      await expect(authenticate({ 'x-api-key': `${longMaster}y` })).rejects.toMatchObject({
        status: 401,
      });
    }
  });
});
