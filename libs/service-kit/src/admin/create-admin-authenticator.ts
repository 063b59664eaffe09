import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { ApiError, apiErrors } from '../api-error.js';
import { ACTOR_HEADER, verifyActorAssertion } from './actor-assertion.js';
import type { AdminCaller, AdminRole } from './admin-caller.js';

/** Resolves the caller of an admin route, or throws 401 (`missing_api_key`, `invalid_api_key`). */
export type AuthenticateAdmin = (request: FastifyRequest) => Promise<AdminCaller>;

/** A live key as the key store finds it (not revoked, not expired, its team not deleted). */
export interface LiveAdminKey {
  id: string;
  role: AdminRole;
  teamId: string;
}

/** What {@link createAdminAuthenticator} checks presented keys against. */
export interface AdminAuthenticatorOptions {
  masterKey: string;
  /** Finds the live key whose secret this is (accounting's `api_keys`), or undefined. */
  findLiveKey: (secret: string) => Promise<LiveAdminKey | undefined>;
  /**
   * The secret shared with the console: when set, an `x-switchyard-actor` assertion it signed
   * (an SSO-signed-in person) is accepted instead of a key. Unset, such a header is refused.
   */
  actorSecret?: string;
  now?: () => number;
}

/**
 * Authenticates `Authorization: Bearer <key>` or `x-api-key`: the master key is admin; any other
 * key must be live. Or, with `actorSecret`, the console's signed `x-switchyard-actor` assertion
 * of an SSO-signed-in person (which wins over any key sent alongside). Members are let through here; each route's access decides what they may do.
 */
export function createAdminAuthenticator(options: AdminAuthenticatorOptions): AuthenticateAdmin {
  const masterDigest = sha256(options.masterKey);
  const now = options.now ?? Date.now;
  return async (request) => {
    const assertion = request.headers[ACTOR_HEADER];
    if (assertion !== undefined) {
      if (options.actorSecret === undefined) throw actorsNotAccepted();
      return verifyActorAssertion(
        options.actorSecret,
        Array.isArray(assertion) ? (assertion[0] ?? '') : assertion,
        now(),
      );
    }
    const key = presentedKey(request);
    if (key === undefined) throw apiErrors.missingApiKey();
    if (timingSafeEqual(sha256(key), masterDigest)) {
      return { role: 'admin', teamId: null, keyId: null };
    }
    const row = await options.findLiveKey(key);
    if (row === undefined) throw apiErrors.invalidApiKey();
    return { role: row.role, teamId: row.teamId, keyId: row.id };
  };
}

function actorsNotAccepted(): ApiError {
  return new ApiError(
    401,
    'authentication_error',
    'invalid_actor_assertion',
    'This service accepts no console SSO identities: SWITCHYARD_CONSOLE_ACTOR_SECRET is not set.',
  );
}

function presentedKey(request: FastifyRequest): string | undefined {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (match?.[1] !== undefined) return match[1];
  }
  const header = request.headers['x-api-key'];
  const value = Array.isArray(header) ? header[0] : header;
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
