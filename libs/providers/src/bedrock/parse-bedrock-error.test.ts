import { describe, expect, it } from 'vitest';
import { parseBedrockError } from './parse-bedrock-error.js';

describe('parseBedrockError', () => {
  it('names the exception from the header and keeps retry-after', () => {
    const error = parseBedrockError(
      429,
      '{"message":"Too many requests"}',
      {
        'x-amzn-errortype': 'ThrottlingException:http://internal.amazon.com/coral/',
        'retry-after': '3',
      },
      0,
    );
    expect(error).toMatchObject({
      kind: 'rate_limited',
      code: 'ThrottlingException',
      retryAfterSeconds: 3,
    });
  });

  it('reads __type when the header is missing', () => {
    const error = parseBedrockError(
      400,
      '{"__type":"com.amazon.coral.validate#ValidationException","message":"bad"}',
      {},
      0,
    );
    expect(error).toMatchObject({
      kind: 'invalid_request',
      code: 'ValidationException',
      message: 'bad',
    });
  });

  it('never echoes an access key id or a signature', () => {
    const error = parseBedrockError(
      403,
      JSON.stringify({
        message:
          'Signature mismatch for Credential=AKIAIOSFODNN7EXAMPLE/20250101/us-east-1/bedrock/aws4_request, Signature=' +
          'a'.repeat(64),
      }),
      { 'x-amzn-errortype': 'InvalidSignatureException' },
      0,
    );
    expect(error.kind).toBe('authentication');
    expect(error.message).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(error.message).not.toContain('a'.repeat(64));
  });
});
