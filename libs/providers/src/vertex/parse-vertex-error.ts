import { parseAnthropicError } from '../anthropic/parse-anthropic-error.js';
import { parseGoogleError } from '../google/parse-google-error.js';
import type { ProviderError } from '../provider-error.js';
import { isPlainObject } from '../shared/is-plain-object.js';
import { parseJson } from '../shared/parse-json.js';

/**
 * Vertex AI answers its own failures (auth, quota, unknown model) in Google's error shape, and a
 * Claude model's own failures in Anthropic's (`{"type":"error","error":{…}}`): each is typed by
 * the adapter that knows its shape.
 */
export function parseVertexError(
  status: number,
  bodyText: string,
  headers: Readonly<Record<string, string | undefined>>,
  nowMs: number,
): ProviderError {
  const body = parseJson(bodyText);
  const isAnthropic = isPlainObject(body) && body.type === 'error';
  return (isAnthropic ? parseAnthropicError : parseGoogleError)(status, bodyText, headers, nowMs);
}
