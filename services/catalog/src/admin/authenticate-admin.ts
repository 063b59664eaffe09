import { createHash, timingSafeEqual } from 'node:crypto';
import { findLiveApiKey, type Tables } from '@switchyard/db';
import { apiErrors } from '@switchyard/service-kit';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { adminErrors } from './admin-errors.js';
import type { AdminPrincipal } from './admin-principal.js';

/** Resolves the caller of an admin route, or throws 401/403. */
export type AuthenticateAdmin = (request: FastifyRequest) => Promise<AdminPrincipal>;

/** What {@link createAdminAuthenticator} checks keys against. */
export interface AuthenticateAdminOptions {
  db: Kysely<Tables>;
  pepper: string;
  masterKey: string;
}

/**
 * Authenticates `Authorization: Bearer <key>` or `x-api-key`: the master key is admin; any other
 * key is looked up read-only in accounting's `api_keys` (same database) and must be live and not
 * a `member`.
 */
export function createAdminAuthenticator(options: AuthenticateAdminOptions): AuthenticateAdmin {
  const masterDigest = sha256(options.masterKey);
  return async (request) => {
    const key = presentedKey(request);
    if (key === undefined) throw apiErrors.missingApiKey();
    if (timingSafeEqual(sha256(key), masterDigest)) {
      return { role: 'admin', teamId: null, keyId: null };
    }
    const row = await findLiveApiKey(options.db, key, options.pepper);
    if (row === undefined) throw apiErrors.invalidApiKey();
    if (row.role === 'member') throw adminErrors.insufficientRole();
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
