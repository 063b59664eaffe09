import { ACTOR_HEADER, verifyActorAssertion } from '@switchyard/service-kit';
import { describe, expect, it } from 'vitest';
import type { ConsoleIdentity } from './console-session.js';
import { createSessionCredentials } from './session-credentials.js';
import { createSessionStore } from './session-store.js';

const SECRET = 'a'.repeat(64);
const TEAM = '11111111-1111-4111-8111-111111111111';
const teamAdmin: ConsoleIdentity = {
  keyId: 'sso:bob',
  keyName: 'bob@example.test',
  keyPrefix: null,
  role: 'team_admin',
  team: { id: TEAM, name: 'search' },
};

describe('createSessionCredentials', () => {
  const store = createSessionStore({ idleMs: 60_000, maxAgeMs: 600_000 });
  const credentials = createSessionCredentials(SECRET);

  it('sends a key session with its key, to any API', () => {
    const session = store.create('sk-sy-key', { ...teamAdmin, keyId: 'k1' });
    expect(credentials(session, 'gateway')).toEqual({ authorization: 'Bearer sk-sy-key' });
  });

  it('vouches for an SSO session with a fresh signed assertion of its subject, role and team', () => {
    const session = store.create(null, teamAdmin, { subject: 'bob', idToken: 'id-token' });
    const headers = credentials(session, 'admin');
    expect(headers.authorization).toBeUndefined();
    expect(verifyActorAssertion(SECRET, headers[ACTOR_HEADER] ?? '')).toEqual({
      role: 'team_admin',
      teamId: TEAM,
      keyId: null,
      subject: 'bob',
    });
    const admin = store.create(
      null,
      { ...teamAdmin, role: 'admin', team: null },
      { subject: 'alice', idToken: 'x' },
    );
    expect(verifyActorAssertion(SECRET, credentials(admin, 'catalog')[ACTOR_HEADER] ?? '')).toEqual(
      { role: 'admin', teamId: null, keyId: null, subject: 'alice' },
    );
  });

  it("refuses an SSO session's gateway calls (the gateway takes keys only)", () => {
    const session = store.create(null, teamAdmin, { subject: 'bob', idToken: 'id-token' });
    expect(() => credentials(session, 'gateway')).toThrow(
      expect.objectContaining({ status: 403, code: 'key_session_required' }),
    );
  });

  it('treats an SSO session as no session when the console has no actor secret', () => {
    const session = store.create(null, teamAdmin, { subject: 'bob', idToken: 'id-token' });
    expect(() => createSessionCredentials(undefined)(session, 'admin')).toThrow(
      expect.objectContaining({ status: 401 }),
    );
  });
});
