import type { IncomingHttpHeaders } from 'node:http';
import { checkPresentedKey } from '../fake-upstream/check-presented-key.js';
import { headerValue } from '../fake-upstream/header-value.js';
import { type AnthropicErrorResponse, invalidAnthropicRequest } from './anthropic-error.js';

/**
 * Anthropic's header checks: with `apiKeys`, `x-api-key` must be one of them (401
 * `authentication_error` otherwise); `anthropic-version` must be present (400). Undefined when
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
  return undefined;
}
