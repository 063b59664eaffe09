import { describe, expect, it } from 'vitest';
import { toMessagesError } from './to-messages-error.js';

describe('toMessagesError', () => {
  it.each([
    [400, 'invalid_request_error', 'invalid_request', 'invalid_request_error'],
    [401, 'authentication_error', 'invalid_api_key', 'authentication_error'],
    [402, 'insufficient_balance', 'insufficient_balance', 'billing_error'],
    [403, 'permission_error', 'model_not_allowed', 'permission_error'],
    [404, 'invalid_request_error', 'model_not_found', 'not_found_error'],
    [413, 'invalid_request_error', 'request_too_large', 'request_too_large'],
    [429, 'rate_limit_error', 'rate_limit_exceeded', 'rate_limit_error'],
    [500, 'server_error', 'internal_error', 'api_error'],
    [502, 'upstream_error', 'upstream_error', 'api_error'],
    [503, 'server_error', 'no_available_provider', 'overloaded_error'],
    [504, 'timeout_error', 'upstream_timeout', 'timeout_error'],
    [529, 'server_error', 'overloaded', 'overloaded_error'],
    [422, 'invalid_request_error', 'unsupported_parameter', 'invalid_request_error'],
  ])('maps HTTP %i (%s) to %s', (status, type, code, expected) => {
    const message = `Something about ${code}.`;
    expect(toMessagesError(status, { error: { message, type, code } })).toEqual({
      status,
      body: { type: 'error', error: { type: expected, message } },
    });
  });
});
