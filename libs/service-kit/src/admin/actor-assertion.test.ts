import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { ACTOR_HEADER, signActorAssertion, verifyActorAssertion } from './actor-assertion.js';
import { createAdminAuthenticator } from './create-admin-authenticator.js';

const SECRET = 'console-actor-secret-0123456789abcdef';
const TEAM = '11111111-1111-4111-8111-111111111111';
const AT = 1_800_000_000_000;

const request = (headers: Record<string, string>) => ({ headers }) as unknown as FastifyRequest;

describe('actor assertions', () => {
  it('round-trips an admin and a team_admin with their subject and no key id', () => {
    const admin = signActorAssertion(
      SECRET,
      { subject: 'alice', role: 'admin', teamId: null },
      { now: AT },
    );
    expect(verifyActorAssertion(SECRET, admin, AT + 1_000)).toEqual({
      role: 'admin',
      teamId: null,
      keyId: null,
      subject: 'alice',
    });
    const teamAdmin = signActorAssertion(
      SECRET,
      { subject: 'bob', role: 'team_admin', teamId: TEAM },
      { now: AT },
    );
    expect(verifyActorAssertion(SECRET, teamAdmin, AT)).toMatchObject({
      role: 'team_admin',
      teamId: TEAM,
      subject: 'bob',
    });
  });

  it('refuses a tampered payload, another secret, an expired one and garbage', () => {
    const token = signActorAssertion(
      SECRET,
      { subject: 'bob', role: 'team_admin', teamId: TEAM },
      { now: AT, ttlMs: 30_000 },
    );
    const [version, payload, mac] = token.split('.');
    const forged = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
    forged.role = 'admin';
    forged.team = null;
    const tampered = `${version}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${mac}`;
    const refused = { status: 401, code: 'invalid_actor_assertion' };
    expect(() => verifyActorAssertion(SECRET, tampered, AT)).toThrow(
      expect.objectContaining(refused),
    );
    expect(() => verifyActorAssertion(`${SECRET}x`, token, AT)).toThrow(
      expect.objectContaining(refused),
    );
    expect(() => verifyActorAssertion(SECRET, token, AT + 30_000)).toThrow(
      expect.objectContaining(refused),
    );
    expect(() => verifyActorAssertion(SECRET, 'v1.e30.', AT)).toThrow(
      expect.objectContaining(refused),
    );
    expect(verifyActorAssertion(SECRET, token, AT + 29_000).subject).toBe('bob');
  });

  it('caps the lifetime at a minute however long the signer asked for', () => {
    const token = signActorAssertion(
      SECRET,
      { subject: 'alice', role: 'admin', teamId: null },
      { now: AT, ttlMs: 3_600_000 },
    );
    expect(() => verifyActorAssertion(SECRET, token, AT + 61_000)).toThrow();
  });
});

describe('createAdminAuthenticator with an actor secret', () => {
  const findLiveKey = async () => undefined;

  it('yields the SSO subject from a valid assertion and refuses a bad one', async () => {
    const authenticate = createAdminAuthenticator({
      masterKey: 'sk-master',
      findLiveKey,
      actorSecret: SECRET,
      now: () => AT,
    });
    const assertion = signActorAssertion(
      SECRET,
      { subject: 'carol', role: 'team_admin', teamId: TEAM },
      { now: AT },
    );
    await expect(authenticate(request({ [ACTOR_HEADER]: assertion }))).resolves.toEqual({
      role: 'team_admin',
      teamId: TEAM,
      keyId: null,
      subject: 'carol',
    });
    // The assertion wins over a key sent with it, so a bad one is never rescued by the key.
    await expect(
      authenticate(request({ [ACTOR_HEADER]: `${assertion}x`, authorization: 'Bearer sk-master' })),
    ).rejects.toMatchObject({ status: 401, code: 'invalid_actor_assertion' });
    await expect(
      authenticate(request({ authorization: 'Bearer sk-master' })),
    ).resolves.toMatchObject({ role: 'admin', keyId: null });
  });

  it('refuses any assertion when the service has no actor secret', async () => {
    const authenticate = createAdminAuthenticator({ masterKey: 'sk-master', findLiveKey });
    const assertion = signActorAssertion(SECRET, { subject: 'a', role: 'admin', teamId: null });
    await expect(authenticate(request({ [ACTOR_HEADER]: assertion }))).rejects.toMatchObject({
      status: 401,
      code: 'invalid_actor_assertion',
    });
  });
});
