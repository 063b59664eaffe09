import { z } from 'zod';
import { classifyUpstreamStatus, ProviderError, parseRetryAfter } from '../provider-error.js';
import { isPlainObject } from '../shared/is-plain-object.js';
import { parseJson } from '../shared/parse-json.js';

const googleErrorSchema = z.looseObject({
  error: z.looseObject({
    message: z.string().nullish(),
    status: z.string().nullish(),
    details: z.array(z.unknown()).nullish(),
  }),
});

const MAX_MESSAGE_LENGTH = 1000;

/**
 * A Google API error (`{"error":{"code","message","status","details"}}`, also inside a JSON
 * array as non-SSE streams send it) typed: kind and retryability from the HTTP status (429 →
 * rate_limited, 503 → overloaded, 5xx → server_error, 401/403 → authentication, 404 →
 * not_found, other 4xx → invalid_request), except that a refused API key — Google answers 400
 * `API_KEY_INVALID` — is authentication. `code` is Google's status string; the retry delay comes
 * from `retry-after`, else from a `RetryInfo` detail (`"retryDelay": "12s"`).
 */
export function parseGoogleError(
  status: number,
  bodyText: string,
  headers: Readonly<Record<string, string | undefined>>,
  nowMs: number,
): ProviderError {
  let { kind, retryable } = classifyUpstreamStatus(status);
  const parsed = googleErrorSchema.safeParse(firstElement(parseJson(bodyText)));
  const error = parsed.success ? parsed.data.error : undefined;
  const details = error?.details ?? [];
  if (details.some((detail) => /^API_KEY_/.test(errorInfoReason(detail) ?? ''))) {
    kind = 'authentication';
    retryable = false;
  }
  const message = error?.message || bodyText.trim() || `HTTP ${status}`;
  return new ProviderError(message.slice(0, MAX_MESSAGE_LENGTH), {
    kind,
    status,
    code: error?.status ?? null,
    retryable,
    retryAfterSeconds: parseRetryAfter(headers['retry-after'], nowMs) ?? retryDelayOf(details),
  });
}

function retryDelayOf(details: readonly unknown[]): number | undefined {
  for (const detail of details) {
    if (!isPlainObject(detail) || !String(detail['@type']).endsWith('google.rpc.RetryInfo'))
      continue;
    const match = /^(\d+(?:\.\d+)?)s$/.exec(String(detail.retryDelay));
    if (match?.[1] !== undefined) return Math.ceil(Number(match[1]));
  }
  return undefined;
}

function errorInfoReason(detail: unknown): string | undefined {
  if (!isPlainObject(detail) || !String(detail['@type']).endsWith('google.rpc.ErrorInfo')) {
    return undefined;
  }
  return typeof detail.reason === 'string' ? detail.reason : undefined;
}

function firstElement(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}
