import { createHash, timingSafeEqual } from 'node:crypto';
import { apiErrors } from '@switchyard/service-kit';
import { MASTER_PRINCIPAL, type Principal } from './principal.js';

/** Resolves the caller's credential to a principal, or throws a 401. */
export type Authenticator = (headers: Readonly<Record<string, unknown>>) => Principal;

/**
 * Accepts `Authorization: Bearer <key>` (OpenAI SDKs) or `x-api-key: <key>` (Anthropic SDKs).
 * Only the master key exists for now; keys are compared as SHA-256 digests in constant time.
 */
export function createAuthenticator(options: { masterKey: string }): Authenticator {
  const masterDigest = digest(options.masterKey);
  return (headers) => {
    const key = presentedKey(headers);
    if (key === undefined) throw apiErrors.missingApiKey();
    if (timingSafeEqual(digest(key), masterDigest)) return MASTER_PRINCIPAL;
    throw apiErrors.invalidApiKey();
  };
}

function presentedKey(headers: Readonly<Record<string, unknown>>): string | undefined {
  const authorization = headers.authorization;
  if (typeof authorization === 'string') {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    return match?.[1];
  }
  const apiKey = headers['x-api-key'];
  return typeof apiKey === 'string' && apiKey !== '' ? apiKey : undefined;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
