import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { apiErrors } from '../api-error.js';
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
}

/**
 * Authenticates `Authorization: Bearer <key>` or `x-api-key`: the master key is admin; any other
 * key must be live. Members are let through here; each route's access decides what they may do.
 */
export function createAdminAuthenticator(options: AdminAuthenticatorOptions): AuthenticateAdmin {
  const masterDigest = sha256(options.masterKey);
  return async (request) => {
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
