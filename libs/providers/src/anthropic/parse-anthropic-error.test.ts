import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAnthropicError } from './parse-anthropic-error.js';

const fixture = (name: string) =>
  readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const body = (type: string, message: string) =>
  JSON.stringify({ type: 'error', error: { type, message }, request_id: 'req_011' });

describe('parseAnthropicError', () => {
  it('types a 429 as rate limited with its retry-after, code being Anthropic’s error type', () => {
    const error = parseAnthropicError(
      429,
      fixture('error-rate-limit.json'),
      { 'retry-after': '12' },
      0,
    );
    expect(error).toMatchObject({
      kind: 'rate_limited',
      status: 429,
      code: 'rate_limit_error',
      retryable: true,
      retryAfterSeconds: 12,
    });
    expect(error.message).toMatch(/^This request would exceed the rate limit/);
  });

  it('types a 529 overloaded_error as overloaded and retryable', () => {
    expect(parseAnthropicError(529, fixture('error-overloaded.json'), {}, 0)).toMatchObject({
      kind: 'overloaded',
      status: 529,
      code: 'overloaded_error',
      retryable: true,
      message: 'Overloaded',
    });
  });

  it.each([
    [400, 'invalid_request_error', 'invalid_request', false],
    [401, 'authentication_error', 'authentication', false],
    [402, 'billing_error', 'authentication', false],
    [403, 'permission_error', 'authentication', false],
    [404, 'not_found_error', 'not_found', false],
    [413, 'request_too_large', 'invalid_request', false],
    [500, 'api_error', 'server_error', true],
    [504, 'timeout_error', 'server_error', true],
  ] as const)('types %i %s as %s (retryable: %s)', (status, type, kind, retryable) => {
    const error = parseAnthropicError(status, body(type, 'details'), {}, 0);
    expect(error).toMatchObject({ kind, retryable, status, code: type, message: 'details' });
  });

  it('trusts the documented error type over the status a proxy may have changed', () => {
    const error = parseAnthropicError(503, body('rate_limit_error', 'busy'), {}, 0);
    expect(error).toMatchObject({ kind: 'rate_limited', status: 503, retryable: true });
  });

  it('classifies by status when the body is not Anthropic’s, keeping the body as the message', () => {
    expect(parseAnthropicError(502, '<html>Bad Gateway</html>', {}, 0)).toMatchObject({
      kind: 'server_error',
      retryable: true,
      code: null,
      message: '<html>Bad Gateway</html>',
    });
    expect(parseAnthropicError(503, '', {}, 0)).toMatchObject({
      kind: 'overloaded',
      message: 'HTTP 503',
    });
  });
});
