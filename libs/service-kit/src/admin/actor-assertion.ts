import { createHmac, timingSafeEqual } from 'node:crypto';
import { ApiError } from '../api-error.js';
import type { AdminPrincipal } from './admin-caller.js';

/** The header the console sends a signed SSO identity in, instead of a key. */
export const ACTOR_HEADER = 'x-switchyard-actor';

/** The longest an assertion may live: it is minted per forwarded call, so a minute is plenty. */
export const MAX_ACTOR_ASSERTION_TTL_MS = 60_000;

/** A person signed in through SSO, as the console vouches for them to an admin API. */
export interface Actor {
  /** The identity provider's `sub` claim (stable per person). */
  subject: string;
  role: AdminPrincipal['role'];
  /** The team a team_admin manages; null for an admin. */
  teamId: string | null;
}

interface AssertionPayload {
  sub: string;
  role: string;
  team: string | null;
  iat: number;
  exp: number;
}

const VERSION = 'v1';

/**
 * `v1.<payload>.<mac>`: the actor and an expiry as base64url JSON, HMAC-SHA256'd with the secret
 * shared by the console and the admin APIs. Minted per call, so it expires within `ttlMs`.
 */
export function signActorAssertion(
  secret: string,
  actor: Actor,
  options: { now?: number; ttlMs?: number } = {},
): string {
  const now = options.now ?? Date.now();
  const ttlMs = Math.min(options.ttlMs ?? 30_000, MAX_ACTOR_ASSERTION_TTL_MS);
  const payload: AssertionPayload = {
    sub: actor.subject,
    role: actor.role,
    team: actor.teamId,
    iat: Math.floor(now / 1000),
    exp: Math.floor((now + ttlMs) / 1000),
  };
  const body = `${VERSION}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  return `${body}.${mac(secret, body)}`;
}

/**
 * The principal an assertion vouches for, or 401 `invalid_actor_assertion` when its MAC is wrong
 * (tampered, or another secret), it expired, or it is malformed. Never says which, to no one.
 */
export function verifyActorAssertion(
  secret: string,
  assertion: string,
  now: number = Date.now(),
): AdminPrincipal & { subject: string } {
  const parts = assertion.split('.');
  if (parts.length !== 3 || parts[0] !== VERSION) throw invalidAssertion();
  const body = `${parts[0]}.${parts[1]}`;
  const expected = Buffer.from(mac(secret, body));
  const given = Buffer.from(parts[2] ?? '');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw invalidAssertion();
  }
  let payload: Partial<AssertionPayload>;
  try {
    payload = JSON.parse(Buffer.from(parts[1] ?? '', 'base64url').toString('utf8'));
  } catch {
    throw invalidAssertion();
  }
  const { sub, role, team, iat, exp } = payload;
  const seconds = now / 1000;
  const valid =
    typeof sub === 'string' &&
    sub !== '' &&
    typeof iat === 'number' &&
    typeof exp === 'number' &&
    exp > seconds &&
    iat <= seconds + 5 &&
    exp - iat <= MAX_ACTOR_ASSERTION_TTL_MS / 1000 &&
    ((role === 'admin' && team === null) ||
      (role === 'team_admin' && typeof team === 'string' && team !== ''));
  if (!valid) throw invalidAssertion();
  return { role: role as Actor['role'], teamId: team ?? null, keyId: null, subject: sub as string };
}

function mac(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}

function invalidAssertion(): ApiError {
  return new ApiError(
    401,
    'authentication_error',
    'invalid_actor_assertion',
    'The console identity assertion is invalid or expired; sign in to the console again.',
  );
}
