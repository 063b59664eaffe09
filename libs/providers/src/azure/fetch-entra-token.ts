import { z } from 'zod';
import { ProviderError } from '../provider-error.js';
import type { CachedToken } from '../shared/create-token-cache.js';
import { parseJson } from '../shared/parse-json.js';
import type { EntraCredential } from './entra-credential.js';

const tokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  expires_in: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]),
});

const tokenErrorSchema = z.looseObject({
  error: z.string(),
  error_codes: z.array(z.number()).optional(),
});

/**
 * Client-credentials grant against `{authority}/{tenant}/oauth2/v2.0/token`. A refusal is an
 * `authentication` error naming only Entra's error code (its description may quote the client
 * id, never the secret, but it is not passed on either); an unreachable endpoint is retryable.
 */
export async function fetchEntraToken(
  credential: EntraCredential,
  now: () => number,
  signal: AbortSignal,
): Promise<CachedToken> {
  const url = `${credential.authorityHost}/${encodeURIComponent(credential.tenantId)}/oauth2/v2.0/token`;
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: credential.clientId,
    client_secret: credential.clientSecret,
    scope: credential.scope,
  });
  const requestedAt = now();
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form.toString(),
      signal,
    });
  } catch {
    throw new ProviderError('The Microsoft Entra token endpoint could not be reached.', {
      kind: 'server_error',
      status: 502,
      code: 'token_endpoint_unreachable',
      retryable: true,
    });
  }
  const body = parseJson(await response.text());
  const token = tokenResponseSchema.safeParse(body);
  if (response.ok && token.success) {
    return {
      token: token.data.access_token,
      expiresAtMs: requestedAt + token.data.expires_in * 1000,
    };
  }
  const refusal = tokenErrorSchema.safeParse(body);
  const reason = refusal.success
    ? `${refusal.data.error}${refusal.data.error_codes?.length ? ` (AADSTS${refusal.data.error_codes[0]})` : ''}`
    : `HTTP ${response.status}`;
  const serverSide = response.status >= 500;
  throw new ProviderError(`Microsoft Entra refused the Azure credential: ${reason}.`, {
    kind: serverSide ? 'server_error' : 'authentication',
    status: serverSide ? 502 : 401,
    code: 'token_request_failed',
    retryable: serverSide,
  });
}
