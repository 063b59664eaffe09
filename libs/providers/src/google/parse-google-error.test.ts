import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGoogleError } from './parse-google-error.js';

const fixture = (name: string) =>
  readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');

describe('parseGoogleError', () => {
  it('types a 429 as rate_limited with the RetryInfo delay and Google’s status as code', () => {
    const error = parseGoogleError(429, fixture('error-rate-limit.json'), {}, 0);
    expect(error).toMatchObject({
      kind: 'rate_limited',
      status: 429,
      code: 'RESOURCE_EXHAUSTED',
      retryable: true,
      retryAfterSeconds: 43,
    });
    expect(error.message).toMatch(/^You exceeded your current quota/);
  });

  it('prefers a retry-after header to the RetryInfo delay, and rounds fractions up', () => {
    expect(
      parseGoogleError(429, fixture('error-rate-limit.json'), { 'retry-after': '5' }, 0)
        .retryAfterSeconds,
    ).toBe(5);
    const body =
      '{"error":{"code":429,"status":"RESOURCE_EXHAUSTED","message":"slow down","details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"1.2s"}]}}';
    expect(parseGoogleError(429, body, {}, 0).retryAfterSeconds).toBe(2);
  });

  it('types an invalid API key (a 400 from Google) as authentication', () => {
    expect(parseGoogleError(400, fixture('error-api-key-invalid.json'), {}, 0)).toMatchObject({
      kind: 'authentication',
      status: 400,
      code: 'INVALID_ARGUMENT',
      retryable: false,
      message: 'API key not valid. Please pass a valid API key.',
    });
  });

  it('types 503 UNAVAILABLE as overloaded and FAILED_PRECONDITION as invalid_request', () => {
    expect(parseGoogleError(503, fixture('error-unavailable.json'), {}, 0)).toMatchObject({
      kind: 'overloaded',
      code: 'UNAVAILABLE',
      retryable: true,
    });
    const precondition =
      '{"error":{"code":400,"message":"User location is not supported for the API use.","status":"FAILED_PRECONDITION"}}';
    expect(parseGoogleError(400, precondition, {}, 0)).toMatchObject({
      kind: 'invalid_request',
      code: 'FAILED_PRECONDITION',
      retryable: false,
    });
  });

  it('reads an error wrapped in a JSON array and keeps a non-JSON body as the message', () => {
    const wrapped = '[{"error":{"code":500,"message":"Internal error","status":"INTERNAL"}}]';
    expect(parseGoogleError(500, wrapped, {}, 0)).toMatchObject({
      kind: 'server_error',
      code: 'INTERNAL',
      message: 'Internal error',
    });
    expect(parseGoogleError(502, '<html>Bad Gateway</html>', {}, 0)).toMatchObject({
      kind: 'server_error',
      code: null,
      retryable: true,
      message: '<html>Bad Gateway</html>',
    });
  });
});
