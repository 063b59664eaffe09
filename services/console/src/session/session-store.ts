import { randomBytes } from 'node:crypto';
import type { ConsoleIdentity, ConsoleSession, SsoSession } from './console-session.js';

/** In-memory sessions by random id, expiring when idle and at a maximum age. */
export interface SessionStore {
  /** A key session, or (`key` null) an SSO session with its `sso` part. */
  create(key: string | null, identity: ConsoleIdentity, sso?: SsoSession): ConsoleSession;
  /** The live session with this id (touching it), or undefined when unknown or expired. */
  get(id: string): ConsoleSession | undefined;
  delete(id: string): void;
  /** How many sessions are held (expired ones are dropped first). */
  size(): number;
}

export interface SessionStoreOptions {
  idleMs: number;
  maxAgeMs: number;
  /** Oldest sessions are dropped past this many, so a flood of logins cannot exhaust memory. */
  maxSessions?: number;
  now?: () => number;
}

/** Creates the console's session store; ids and CSRF tokens are 256 random bits each. */
export function createSessionStore(options: SessionStoreOptions): SessionStore {
  const now = options.now ?? Date.now;
  const maxSessions = options.maxSessions ?? 10_000;
  // Insertion order is creation order, which the eviction of the oldest relies on.
  const sessions = new Map<string, ConsoleSession>();
  const expired = (session: ConsoleSession, at: number) =>
    at - session.lastSeenAt >= options.idleMs || at - session.createdAt >= options.maxAgeMs;
  const sweep = () => {
    const at = now();
    for (const [id, session] of sessions) if (expired(session, at)) sessions.delete(id);
  };
  return {
    create(key, identity, sso) {
      sweep();
      while (sessions.size >= maxSessions) {
        const oldest = sessions.keys().next().value;
        if (oldest === undefined) break;
        sessions.delete(oldest);
      }
      const at = now();
      const session: ConsoleSession = {
        id: randomBytes(32).toString('base64url'),
        key,
        csrfToken: randomBytes(32).toString('base64url'),
        identity,
        ...(sso !== undefined && { sso }),
        createdAt: at,
        lastSeenAt: at,
      };
      sessions.set(session.id, session);
      return session;
    },
    get(id) {
      const session = sessions.get(id);
      if (session === undefined) return undefined;
      const at = now();
      if (expired(session, at)) {
        sessions.delete(id);
        return undefined;
      }
      session.lastSeenAt = at;
      return session;
    },
    delete(id) {
      sessions.delete(id);
    },
    size() {
      sweep();
      return sessions.size;
    },
  };
}
