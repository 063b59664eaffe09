import type { AnthropicErrorResponse } from './anthropic-error.js';

const RETRY_AFTER_SECONDS = 7;

/** The error type and message Anthropic documents for each status. */
const ERRORS: ReadonlyMap<number, { type: string; message: string }> = new Map([
  [
    400,
    {
      type: 'invalid_request_error',
      message: 'messages: the fake upstream was asked to reject them',
    },
  ],
  [401, { type: 'authentication_error', message: 'invalid x-api-key' }],
  [
    402,
    {
      type: 'billing_error',
      message: 'Your credit balance is too low to access the Anthropic API.',
    },
  ],
  [
    403,
    {
      type: 'permission_error',
      message: 'Your API key does not have permission to use the specified resource.',
    },
  ],
  [
    413,
    { type: 'request_too_large', message: 'Request exceeds the maximum allowed number of bytes.' },
  ],
  [500, { type: 'api_error', message: 'Internal server error' }],
  [504, { type: 'timeout_error', message: 'Request timed out' }],
  [529, { type: 'overloaded_error', message: 'Overloaded' }],
]);

/**
 * The error Anthropic would send for `status`: its documented type (400 invalid_request_error,
 * 401 authentication_error, 402 billing_error, 403 permission_error, 404 not_found_error naming
 * the model, 413 request_too_large, 429 rate_limit_error with `retry-after: 7` and
 * `anthropic-ratelimit-*` headers, 500 api_error, 504 timeout_error, 529 overloaded_error);
 * other 5xx are api_error, other 4xx invalid_request_error.
 */
export function anthropicScenarioError(status: number, model: string): AnthropicErrorResponse {
  if (status === 404) return { status, type: 'not_found_error', message: `model: ${model}` };
  if (status === 429) {
    return {
      status,
      type: 'rate_limit_error',
      message: `This request would exceed the rate limit for your organization of 50 requests per minute for ${model}. Please try again in ${RETRY_AFTER_SECONDS}s.`,
      headers: {
        'retry-after': String(RETRY_AFTER_SECONDS),
        'anthropic-ratelimit-requests-limit': '50',
        'anthropic-ratelimit-requests-remaining': '0',
        'anthropic-ratelimit-requests-reset': new Date(
          Date.now() + RETRY_AFTER_SECONDS * 1000,
        ).toISOString(),
      },
    };
  }
  const known = ERRORS.get(status);
  if (known !== undefined) return { status, ...known };
  if (status >= 500) return { status, type: 'api_error', message: 'Internal server error' };
  const message = `The fake upstream was asked to fail with status ${status}.`;
  return { status, type: 'invalid_request_error', message };
}
