import { describe, expect, it } from 'vitest';
import { messagesErrorType } from './messages-error-type.js';

describe('messagesErrorType without a status (errors inside a stream)', () => {
  it.each([
    [{ type: 'rate_limit_error', code: 'rate_limit_exceeded' }, 'rate_limit_error'],
    [{ type: 'tokens', code: 'rate_limit_exceeded' }, 'rate_limit_error'],
    [{ type: 'server_error', code: 'overloaded' }, 'overloaded_error'],
    [{ type: 'upstream_error', code: 'upstream_error' }, 'api_error'],
    [{ type: 'timeout_error', code: 'upstream_timeout' }, 'timeout_error'],
    [{ type: 'invalid_request_error', code: 'context_length_exceeded' }, 'invalid_request_error'],
    [{ type: 'invalid_request_error', code: 'model_not_found' }, 'not_found_error'],
    [{ type: null, code: null }, 'api_error'],
  ])('maps %j to %s', (error, expected) => {
    expect(messagesErrorType(undefined, error)).toBe(expected);
  });
});
