import { randomBytes } from 'node:crypto';

/** A sign-in under way: what the callback must check the provider's answer against. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  createdAt: number;
}

/** Sign-ins started and not yet finished, by a random id the browser holds in a cookie. */
export interface PendingSignIns {
  add(signIn: Omit<PendingSignIn, 'createdAt'>): string;
  /** The sign-in with this id, removed (each is used once), or undefined when unknown or stale. */
  take(id: string): PendingSignIn | undefined;
}

/** Ten minutes to get through the provider's login; at most `max` at once (oldest dropped). */
export function createPendingSignIns(
  options: { ttlMs?: number; max?: number; now?: () => number } = {},
): PendingSignIns {
  const ttlMs = options.ttlMs ?? 10 * 60_000;
  const max = options.max ?? 10_000;
  const now = options.now ?? Date.now;
  const pending = new Map<string, PendingSignIn>();
  return {
    add(signIn) {
      const at = now();
      for (const [id, entry] of pending) {
        if (at - entry.createdAt < ttlMs && pending.size < max) break;
        pending.delete(id);
      }
      const id = randomBytes(32).toString('base64url');
      pending.set(id, { ...signIn, createdAt: at });
      return id;
    },
    take(id) {
      const entry = pending.get(id);
      pending.delete(id);
      return entry !== undefined && now() - entry.createdAt < ttlMs ? entry : undefined;
    },
  };
}
