import { describe, expect, it } from 'vitest';
import { signSigV4Request } from './sign-sigv4-request.js';

// AWS's published Signature Version 4 test suite (docs.aws.amazon.com/general/latest/gr/
// signature-v4-test-suite.html): its credentials, scope and fixed date, and the expected
// Authorization header of each case.
const CREDENTIALS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};
const SCOPE = {
  region: 'us-east-1',
  service: 'service',
  signingDate: new Date('2015-08-30T12:36:00Z'),
};
const CREDENTIAL_SCOPE = 'Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request';
const STS_TOKEN =
  'AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==';

const VECTORS = [
  {
    name: 'get-vanilla',
    method: 'GET',
    url: 'https://example.amazonaws.com/',
    headers: {},
    authorization: `AWS4-HMAC-SHA256 ${CREDENTIAL_SCOPE}, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31`,
  },
  {
    name: 'post-vanilla',
    method: 'POST',
    url: 'https://example.amazonaws.com/',
    headers: {},
    authorization: `AWS4-HMAC-SHA256 ${CREDENTIAL_SCOPE}, SignedHeaders=host;x-amz-date, Signature=5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b`,
  },
  {
    name: 'get-vanilla-query-order-key-case',
    method: 'GET',
    url: 'https://example.amazonaws.com/?Param2=value2&Param1=value1',
    headers: {},
    authorization: `AWS4-HMAC-SHA256 ${CREDENTIAL_SCOPE}, SignedHeaders=host;x-amz-date, Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500`,
  },
  {
    name: 'post-header-value-case',
    method: 'POST',
    url: 'https://example.amazonaws.com/',
    headers: { 'My-Header1': 'VALUE1' },
    authorization: `AWS4-HMAC-SHA256 ${CREDENTIAL_SCOPE}, SignedHeaders=host;my-header1;x-amz-date, Signature=cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d`,
  },
] as const;

describe('signSigV4Request against the AWS SigV4 test suite', () => {
  for (const vector of VECTORS) {
    it(vector.name, async () => {
      const signed = await signSigV4Request(
        { method: vector.method, url: vector.url, headers: { ...vector.headers }, body: undefined },
        CREDENTIALS,
        SCOPE,
      );
      expect(signed.headers.authorization).toBe(vector.authorization);
      expect(signed.headers['x-amz-date']).toBe('20150830T123600Z');
      expect(signed.headers.host).toBeUndefined();
    });
  }

  it('post-sts-header-before: a session token is signed as x-amz-security-token', async () => {
    const signed = await signSigV4Request(
      { method: 'POST', url: 'https://example.amazonaws.com/', headers: {}, body: undefined },
      { ...CREDENTIALS, sessionToken: STS_TOKEN },
      SCOPE,
    );
    expect(signed.headers.authorization).toBe(
      `AWS4-HMAC-SHA256 ${CREDENTIAL_SCOPE}, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead`,
    );
    expect(signed.headers['x-amz-security-token']).toBe(STS_TOKEN);
  });

  it('a different secret gives a different signature', async () => {
    const signed = await signSigV4Request(
      { method: 'GET', url: 'https://example.amazonaws.com/', headers: {}, body: undefined },
      { ...CREDENTIALS, secretAccessKey: 'wrong' },
      SCOPE,
    );
    expect(signed.headers.authorization).not.toBe(VECTORS[0].authorization);
  });
});
