import type { UpstreamTarget } from '../provider-adapter.js';

/** JSON content type, the target's extra headers, and the key in `x-goog-api-key` when there is one. */
export function buildGoogleHeaders(target: UpstreamTarget): Record<string, string> {
  const headers: Record<string, string> = {
    ...target.extraHeaders,
    'content-type': 'application/json',
  };
  if (target.apiKey !== undefined) headers['x-goog-api-key'] = target.apiKey;
  return headers;
}
