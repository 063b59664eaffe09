import { describe, expect, it } from 'vitest';
import { ProviderError } from '../provider-error.js';
import { createSigV4Signer } from './create-sigv4-signer.js';

const SIGV4 = {
  kind: 'sigv4',
  service: 'bedrock',
  required: false,
  regionOf: (baseUrl: string) => /bedrock-runtime\.([a-z0-9-]+)\./.exec(baseUrl)?.[1],
} as const;
const REQUEST = {
  method: 'POST' as const,
  url: 'https://bedrock-runtime.eu-central-1.amazonaws.com/model/m/converse',
  headers: { 'content-type': 'application/json' },
  body: '{}',
};
const DEADLINE = { signal: new AbortController().signal };
const NOW = Date.parse('2026-01-02T03:04:05Z');
const options = {
  provider: 'bedrock',
  baseUrl: 'https://bedrock-runtime.eu-central-1.amazonaws.com',
  region: undefined,
  now: () => NOW,
  defaultCredentials: () => async () => ({
    accessKeyId: 'ASIACHAIN',
    secretAccessKey: 'chain-secret',
    sessionToken: 'chain-token',
  }),
};

describe('createSigV4Signer', () => {
  it('signs with a pool key for the region the base URL names, at the given clock', async () => {
    const sign = createSigV4Signer(SIGV4, options);
    const signed = await sign.sign(REQUEST, 'AKIDPOOL:pool-secret', DEADLINE);
    expect(signed?.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDPOOL\/20260102\/eu-central-1\/bedrock\/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=[0-9a-f]{64}$/,
    );
    expect(signed?.headers['x-amz-date']).toBe('20260102T030405Z');
    expect(signed?.body).toBe('{}');
  });

  it('signs with the default chain when the pool has no key, the configured region first', async () => {
    const sign = createSigV4Signer(SIGV4, { ...options, region: 'ap-south-1' });
    const signed = await sign.sign(REQUEST, undefined, DEADLINE);
    expect(signed?.headers.authorization).toContain('Credential=ASIACHAIN/20260102/ap-south-1/');
    expect(signed?.headers['x-amz-security-token']).toBe('chain-token');
  });

  it('refuses a key that is not an AWS key pair, and a chain that finds nothing, without echoing them', async () => {
    const sign = createSigV4Signer(SIGV4, {
      ...options,
      defaultCredentials: () => async () => {
        throw new Error('Could not load credentials from any providers');
      },
    });
    const malformed = await sign
      .sign(REQUEST, 'just-a-secret', DEADLINE)
      .catch((error: unknown) => error);
    expect(malformed).toBeInstanceOf(ProviderError);
    expect(malformed).toMatchObject({ kind: 'authentication' });
    expect(String((malformed as Error).message)).not.toContain('just-a-secret');
    const missing = await sign.sign(REQUEST, undefined, DEADLINE).catch((error: unknown) => error);
    expect(missing).toMatchObject({
      kind: 'authentication',
      message: expect.stringContaining('Could not load credentials'),
    });
  });

  it('fails at start when no region is known', () => {
    expect(() =>
      createSigV4Signer(SIGV4, { ...options, baseUrl: 'https://vpce-123.example.com' }),
    ).toThrow(/no AWS region/);
  });
});
