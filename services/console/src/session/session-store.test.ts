import { describe, expect, it } from 'vitest';
import type { ConsoleIdentity } from './console-session.js';
import { createSessionStore } from './session-store.js';

const identity: ConsoleIdentity = {
  keyId: 'master',
  keyName: 'master',
  keyPrefix: null,
  role: 'admin',
  team: null,
};

describe('createSessionStore', () => {
  it('creates sessions with distinct random ids and CSRF tokens', () => {
    const store = createSessionStore({ idleMs: 1_000, maxAgeMs: 10_000 });
    const first = store.create('sk-one', identity);
    const second = store.create('sk-two', identity);
    expect(first.id).not.toBe(second.id);
    expect(first.csrfToken).not.toBe(first.id);
    expect(first.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(store.get(first.id)?.key).toBe('sk-one');
  });

  it('expires a session left idle, but not one in use, and every session at its maximum age', () => {
    let clock = 0;
    const store = createSessionStore({ idleMs: 1_000, maxAgeMs: 2_500, now: () => clock });
    const used = store.create('sk-used', identity);
    const idle = store.create('sk-idle', identity);
    for (clock = 600; clock <= 2_400; clock += 600) expect(store.get(used.id)).toBeDefined();
    expect(store.get(idle.id)).toBeUndefined();
    clock = 2_500;
    expect(store.get(used.id)).toBeUndefined();
    expect(store.size()).toBe(0);
  });

  it('forgets a deleted session and drops the oldest past the cap', () => {
    const store = createSessionStore({ idleMs: 1_000, maxAgeMs: 10_000, maxSessions: 2 });
    const first = store.create('sk-1', identity);
    const second = store.create('sk-2', identity);
    const third = store.create('sk-3', identity);
    expect(store.get(first.id)).toBeUndefined();
    expect(store.get(third.id)).toBeDefined();
    store.delete(second.id);
    expect(store.get(second.id)).toBeUndefined();
    expect(store.size()).toBe(1);
  });
});

describe('createSessionStore with SSO sessions', () => {
  it('keeps no key for an SSO session and expires it like any other', () => {
    let clock = 0;
    const store = createSessionStore({ idleMs: 1_000, maxAgeMs: 2_000, now: () => clock });
    const session = store.create(null, identity, { subject: 'alice', idToken: 'id-token' });
    expect(store.get(session.id)).toMatchObject({ key: null, sso: { subject: 'alice' } });
    expect(store.create('sk-key', identity).sso).toBeUndefined();
    clock = 1_000;
    expect(store.get(session.id)).toBeUndefined();
  });
});
