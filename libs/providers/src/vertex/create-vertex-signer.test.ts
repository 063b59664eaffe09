import {
  type FakeGoogleToken,
  startFakeGoogleToken,
  startFakeMetadataServer,
} from '@switchyard/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProviderError } from '../provider-error.js';
import { createVertexSigner } from './create-vertex-signer.js';

const request = {
  url: 'https://us-east5-aiplatform.googleapis.com/v1/projects/p/locations/us-east5/publishers/google/models/m:generateContent',
  method: 'POST' as const,
  headers: { 'content-type': 'application/json' },
  body: '{}',
};
let google: FakeGoogleToken;
let shortLived: FakeGoogleToken;
const tokenOf = (headers: Record<string, string>) => headers.authorization?.replace('Bearer ', '');

beforeAll(async () => {
  google = await startFakeGoogleToken();
  shortLived = await startFakeGoogleToken({ tokenLifetimeSeconds: 2 });
});
afterAll(async () => {
  await google?.close();
  await shortLived?.close();
});

describe('createVertexSigner', () => {
  it("signs with a token the service account's signed assertion obtained, fetched once", async () => {
    const signer = createVertexSigner();
    const first = await signer.sign(request, google.serviceAccountKey, {
      signal: AbortSignal.timeout(5000),
    });
    const second = await signer.sign(request, google.serviceAccountKey, {
      signal: AbortSignal.timeout(5000),
    });
    expect(google.tokens.verify(tokenOf(first.headers))).toBe('valid');
    expect(second.headers.authorization).toBe(first.headers.authorization);
    expect(first.headers['content-type']).toBe('application/json');
    expect(google.tokens.issued).toBe(1);
  });

  it('refreshes a short-lived token before it expires', async () => {
    const signer = createVertexSigner({ eagerRefreshThresholdMs: 1000 });
    const sign = () =>
      signer.sign(request, shortLived.serviceAccountKey, { signal: AbortSignal.timeout(5000) });
    const first = tokenOf((await sign()).headers);
    expect(tokenOf((await sign()).headers)).toBe(first);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const refreshed = tokenOf((await sign()).headers);
    expect(refreshed).not.toBe(first);
    expect(shortLived.tokens.verify(refreshed)).toBe('valid');
    expect(shortLived.tokens.issued).toBe(2);
  });

  it('refuses a key whose assertion does not verify, quoting neither key nor assertion', async () => {
    const error = await createVertexSigner()
      .sign(request, google.forgedKey, { signal: AbortSignal.timeout(5000) })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'authentication', retryable: false });
    expect((error as Error).message).toBe('Google refused the vertex credential: invalid_grant.');
  });

  it('refuses a key that is not a service-account key, naming the fields at fault', async () => {
    const error = await createVertexSigner()
      .sign(request, '{"type":"authorized_user","client_secret":"s3cr3t"}', {
        signal: AbortSignal.timeout(5000),
      })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'authentication', code: 'invalid_credential' });
    expect((error as Error).message).toMatch(/problem at: type, client_email, private_key/);
    expect((error as Error).message).not.toMatch(/s3cr3t/);
  });

  it("uses the metadata server's token when the pool has no key (ADC on GCE/GKE)", async () => {
    const metadata = await startFakeMetadataServer();
    const saved = { ...process.env };
    // Nothing but the metadata server may provide credentials.
    delete process.env.GOOGLE_APPLICATION_CREDENTIALS;
    process.env.GCE_METADATA_HOST = metadata.host;
    process.env.HOME = '/nonexistent';
    process.env.CLOUDSDK_CONFIG = '/nonexistent';
    try {
      const signer = createVertexSigner();
      const first = await signer.sign(request, undefined, { signal: AbortSignal.timeout(5000) });
      expect(metadata.tokens.verify(tokenOf(first.headers))).toBe('valid');
      const second = await signer.sign(request, '', { signal: AbortSignal.timeout(5000) });
      expect(second.headers.authorization).toBe(first.headers.authorization);
      expect(metadata.tokens.issued).toBe(1);
    } finally {
      process.env = saved;
      await metadata.close();
    }
  });

  it('is a refused credential when the pool has no key and the environment no credentials', async () => {
    const saved = { ...process.env };
    delete process.env.GOOGLE_APPLICATION_CREDENTIALS;
    process.env.METADATA_SERVER_DETECTION = 'none';
    process.env.HOME = '/nonexistent';
    process.env.CLOUDSDK_CONFIG = '/nonexistent';
    try {
      const signed = createVertexSigner().sign(request, undefined, {
        signal: AbortSignal.timeout(5000),
      });
      await expect(signed).rejects.toMatchObject({
        kind: 'authentication',
        code: 'missing_credential',
        message: 'vertex has no key and no Google Application Default Credentials were found.',
      });
    } finally {
      process.env = saved;
    }
  });
});
