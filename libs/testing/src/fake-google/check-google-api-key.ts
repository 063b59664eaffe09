import type { IncomingHttpHeaders } from 'node:http';
import { checkPresentedKey } from '../fake-upstream/check-presented-key.js';
import { headerValue } from '../fake-upstream/header-value.js';
import type { GoogleError } from './google-error.js';

/**
 * Checks the key in `x-goog-api-key` (or the `key` query parameter) against the accepted keys,
 * answering as Google does: no key → 403 `PERMISSION_DENIED` ("unregistered callers"), a wrong
 * key → 400 `INVALID_ARGUMENT` with an `ErrorInfo` of reason `API_KEY_INVALID`. Undefined when
 * the request may pass (always, without `apiKeys`).
 */
export function checkGoogleApiKey(
  headers: IncomingHttpHeaders,
  query: URLSearchParams,
  apiKeys: readonly string[] | undefined,
): GoogleError | undefined {
  const key = headerValue(headers, 'x-goog-api-key') ?? query.get('key') ?? undefined;
  const verdict = checkPresentedKey(key, apiKeys);
  if (verdict === 'accepted') return undefined;
  if (verdict === 'missing') {
    return {
      code: 403,
      status: 'PERMISSION_DENIED',
      message:
        "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
    };
  }
  const message = 'API key not valid. Please pass a valid API key.';
  return {
    code: 400,
    status: 'INVALID_ARGUMENT',
    message,
    details: [
      {
        '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
        reason: 'API_KEY_INVALID',
        domain: 'googleapis.com',
        metadata: { service: 'generativelanguage.googleapis.com' },
      },
      { '@type': 'type.googleapis.com/google.rpc.LocalizedMessage', locale: 'en-US', message },
    ],
  };
}
