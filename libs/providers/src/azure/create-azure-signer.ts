import { createHash } from 'node:crypto';
import { ProviderError } from '../provider-error.js';
import type { RequestSigner } from '../request-signer.js';
import { createTokenCache } from '../shared/create-token-cache.js';
import { untilAborted } from '../shared/until-aborted.js';
import { parseEntraCredential } from './entra-credential.js';
import { fetchEntraToken } from './fetch-entra-token.js';

/** How long one token request to Entra may take. */
const TOKEN_FETCH_TIMEOUT_MS = 30_000;

export interface AzureSignerOptions {
  readonly now?: () => number;
  /** Refresh at most this long before a token expires (default five minutes). */
  readonly refreshMarginMs?: number;
}

/**
 * Azure's auth: a plain key goes in the `api-key` header; an Entra service principal (a JSON
 * key, see `parseEntraCredential`) is exchanged for a bearer token, cached per principal and
 * refreshed before it expires.
 */
export function createAzureSigner(options: AzureSignerOptions = {}): RequestSigner {
  const now = options.now ?? Date.now;
  const cache = createTokenCache({ now, refreshMarginMs: options.refreshMarginMs });
  return {
    async sign(request, credential, deadline) {
      // Copied into an empty object, not spread: a spread copy that gains a key gets a hidden
      // class of its own every time on Node 20.
      const headers: Record<string, string> = Object.assign({}, request.headers);
      delete headers['api-key'];
      delete headers.authorization;
      if (credential === undefined || credential === '') {
        throw new ProviderError('The Azure provider has no api-key or Entra credential.', {
          kind: 'authentication',
          status: 401,
          code: 'missing_credential',
          retryable: false,
        });
      }
      const principal = parseEntraCredential(credential);
      if (principal === undefined) {
        return { ...request, headers: Object.assign(headers, { 'api-key': credential }) };
      }
      // The cache key identifies the principal and secret without holding the secret itself.
      const key = createHash('sha256').update(credential).digest('hex');
      // The fetch is shared by concurrent callers: it has its own deadline, each caller its own.
      const fetching = cache.get(key, () =>
        fetchEntraToken(principal, now, AbortSignal.timeout(TOKEN_FETCH_TIMEOUT_MS)),
      );
      const token = await untilAborted(fetching, deadline.signal);
      return { ...request, headers: Object.assign(headers, { authorization: `Bearer ${token}` }) };
    },
  };
}
