import { createHash, timingSafeEqual } from 'node:crypto';
import { findLiveApiKey, type Tables } from '@switchyard/db';
import { apiErrors } from '@switchyard/service-kit';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { adminErrors } from './admin-errors.js';
import type { AdminPrincipal } from './admin-principal.js';

/** Resolves the caller of an admin route, or throws 401/403. */
export type AuthenticateAdmin = (request: FastifyRequest) => Promise<AdminPrincipal>;

export interface AuthenticateAdminOptions {
  db: Kysely<Tables>;
  pepper: string;
  masterKey: string;
}

/** Resolves a caller who may read usage: any live key, members included (their own usage). */
export type AuthenticateUsageReader = (request: FastifyRequest) => Promise<UsageReader>;

/** An admin principal, or a member key reading its own usage. */
export type UsageReader = AdminPrincipal | { role: 'member'; teamId: string; keyId: string };

/**
 * Authenticates `Authorization: Bearer <key>` or `x-api-key`: the master key is admin; any other
 * key must be live (not revoked, not expired, its team not deleted).
 */
export function createUsageReaderAuthenticator(
  options: AuthenticateAdminOptions,
): AuthenticateUsageReader {
  const masterDigest = sha256(options.masterKey);
  return async (request) => {
    const key = presentedKey(request);
    if (key === undefined) throw apiErrors.missingApiKey();
    if (timingSafeEqual(sha256(key), masterDigest)) {
      return { role: 'admin', teamId: null, keyId: null };
    }
    // A key counts only while it is live and so is its team (a deleted team's keys are dead).
    const row = await findLiveApiKey(options.db, key, options.pepper);
    if (row === undefined) throw apiErrors.invalidApiKey();
    return { role: row.role, teamId: row.teamId, keyId: row.id };
  };
}

/**
 * Authenticates the admin API's callers: the master key, admin and team_admin keys; a member
 * key is 403 `insufficient_role`.
 */
export function createAdminAuthenticator(options: AuthenticateAdminOptions): AuthenticateAdmin {
  const resolve = createUsageReaderAuthenticator(options);
  return async (request) => {
    const principal = await resolve(request);
    if (principal.role === 'member') throw adminErrors.insufficientRole();
    return principal;
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
