import { type KeyObject, verify } from 'node:crypto';
import { isRecord } from '../fake-upstream/is-record.js';

/** Google's token endpoint, the audience a service account's assertion names. */
export const GOOGLE_TOKEN_AUDIENCE = 'https://oauth2.googleapis.com/token';

/** What the assertion checks found: the claims of a good one, or Google's reason to refuse it. */
export type AssertionVerdict =
  | { readonly ok: true; readonly scope: string }
  | { readonly ok: false; readonly description: string };

/**
 * Checks a JWT-bearer assertion as Google's token endpoint does: RS256 signed by the service
 * account's key (verified with its public key), issued by its email for Google's token audience,
 * with a scope, and not expired (`exp` after `nowSeconds`, at most an hour after `iat`).
 */
export function verifyServiceAccountAssertion(
  assertion: string,
  clientEmail: string,
  publicKey: KeyObject,
  nowSeconds: number,
): AssertionVerdict {
  const parts = assertion.split('.');
  const [header, payload, signature] = parts;
  if (
    parts.length !== 3 ||
    header === undefined ||
    payload === undefined ||
    signature === undefined
  ) {
    return {
      ok: false,
      description: 'Invalid JWT: Token must be a short-lived token and in a reasonable timeframe.',
    };
  }
  const headerJson = decodeJson(header);
  if (!isRecord(headerJson) || headerJson.alg !== 'RS256') {
    return { ok: false, description: 'Invalid JWT Signature.' };
  }
  const signed = verify(
    'RSA-SHA256',
    Buffer.from(`${header}.${payload}`),
    publicKey,
    Buffer.from(signature, 'base64url'),
  );
  if (!signed) return { ok: false, description: 'Invalid JWT Signature.' };
  const claims = decodeJson(payload);
  if (!isRecord(claims)) return { ok: false, description: 'Invalid JWT Signature.' };
  if (claims.iss !== clientEmail)
    return { ok: false, description: 'Invalid grant: account not found' };
  if (claims.aud !== GOOGLE_TOKEN_AUDIENCE) {
    return { ok: false, description: 'Invalid JWT: Failed audience check.' };
  }
  const { iat, exp, scope } = claims;
  if (typeof iat !== 'number' || typeof exp !== 'number' || exp <= nowSeconds || exp - iat > 3600) {
    return {
      ok: false,
      description:
        'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.',
    };
  }
  if (typeof scope !== 'string' || scope === '') {
    return { ok: false, description: 'Invalid OAuth scope or ID token audience provided.' };
  }
  return { ok: true, scope };
}

function decodeJson(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}
