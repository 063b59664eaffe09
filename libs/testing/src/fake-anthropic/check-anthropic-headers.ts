import type { IncomingHttpHeaders } from 'node:http';
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
  const key = headers['x-api-key'];
  if (apiKeys !== undefined && (typeof key !== 'string' || !apiKeys.includes(key))) {
    const message =
      typeof key === 'string' && key !== '' ? 'invalid x-api-key' : 'x-api-key header is required';
    return { status: 401, type: 'authentication_error', message };
  }
  if (typeof headers['anthropic-version'] !== 'string') {
    return invalidAnthropicRequest('anthropic-version: header is required');
  }
  return undefined;
}
