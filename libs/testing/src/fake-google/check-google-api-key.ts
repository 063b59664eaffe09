import type { IncomingMessage } from 'node:http';
import type { GoogleError } from './google-error.js';

/**
 * Checks the key in `x-goog-api-key` (or the `key` query parameter) against the accepted keys,
 * answering as Google does: no key → 403 `PERMISSION_DENIED` ("unregistered callers"), a wrong
 * key → 400 `INVALID_ARGUMENT` with an `ErrorInfo` of reason `API_KEY_INVALID`. Undefined when
 * the request may pass (always, without `apiKeys`).
 */
export function checkGoogleApiKey(
  request: IncomingMessage,
  query: URLSearchParams,
  apiKeys: readonly string[] | undefined,
): GoogleError | undefined {
  if (apiKeys === undefined) return undefined;
  const header = request.headers['x-goog-api-key'];
  const key = (Array.isArray(header) ? header[0] : header) ?? query.get('key') ?? '';
  if (key !== '' && apiKeys.includes(key)) return undefined;
  if (key === '') {
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
