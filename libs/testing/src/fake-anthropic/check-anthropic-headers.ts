import type { IncomingHttpHeaders } from 'node:http';
import { checkPresentedKey } from '../fake-upstream/check-presented-key.js';
import { headerValue } from '../fake-upstream/header-value.js';
import { type AnthropicErrorResponse, invalidAnthropicRequest } from './anthropic-error.js';

/**
 * A beta name as Anthropic spells them: words, then the date (`prompt-caching-2024-07-31`,
 * `claude-code-20250219`).
 */
const BETA = /^[a-z0-9]+(-[a-z0-9.]+)*-(\d{4}-\d{2}-\d{2}|\d{8})$/;

/**
 * Anthropic's header checks: with `apiKeys`, `x-api-key` must be one of them (401
 * `authentication_error` otherwise); `anthropic-version` must be present (400), each `anthropic-beta` value a dated beta name (400). Undefined when
 * the request may pass.
 */
export function checkAnthropicHeaders(
  headers: IncomingHttpHeaders,
  apiKeys: readonly string[] | undefined,
): AnthropicErrorResponse | undefined {
  const verdict = checkPresentedKey(headerValue(headers, 'x-api-key'), apiKeys);
  if (verdict !== 'accepted') {
    const message = verdict === 'rejected' ? 'invalid x-api-key' : 'x-api-key header is required';
    return { status: 401, type: 'authentication_error', message };
  }
  if (headerValue(headers, 'anthropic-version') === undefined) {
    return invalidAnthropicRequest('anthropic-version: header is required');
  }
  const betas = headerValue(headers, 'anthropic-beta');
  const unknown = betas
    ?.split(',')
    .map((beta) => beta.trim())
    .filter((beta) => !BETA.test(beta));
  if (unknown !== undefined && unknown.length > 0) {
    return invalidAnthropicRequest(
      `Unexpected value(s) \`${unknown.join(', ')}\` for the \`anthropic-beta\` header.`,
    );
  }
  return undefined;
}
