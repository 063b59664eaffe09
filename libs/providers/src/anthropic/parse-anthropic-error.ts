import { classifyUpstreamStatus, ProviderError, parseRetryAfter } from '../provider-error.js';
import { parseJson } from '../shared/parse-json.js';
import { anthropicErrorSchema } from './anthropic-error-schema.js';
import { classifyAnthropicErrorType } from './classify-anthropic-error-type.js';

const MAX_MESSAGE_LENGTH = 1000;

/**
 * An Anthropic error response (`{"type":"error","error":{"type","message"}}`) typed: the code is
 * Anthropic's error type, the kind comes from that type when it is documented (so a 529
 * `overloaded_error` is `overloaded`), else from the status; `retry-after` is kept.
 */
export function parseAnthropicError(
  status: number,
  bodyText: string,
  headers: Readonly<Record<string, string | undefined>>,
  nowMs: number,
): ProviderError {
  const parsed = anthropicErrorSchema.safeParse(parseJson(bodyText));
  const error = parsed.success ? parsed.data.error : undefined;
  const { kind, retryable } =
    classifyAnthropicErrorType(error?.type) ?? classifyUpstreamStatus(status);
  const message = error?.message || bodyText.trim() || `HTTP ${status}`;
  return new ProviderError(message.slice(0, MAX_MESSAGE_LENGTH), {
    kind,
    status,
    code: error?.type ?? null,
    retryable,
    retryAfterSeconds: parseRetryAfter(headers['retry-after'], nowMs),
  });
}
