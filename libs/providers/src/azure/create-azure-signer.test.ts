import { type FakeEntra, startFakeEntra } from '@switchyard/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProviderError } from '../provider-error.js';
import { createAzureSigner } from './create-azure-signer.js';

const PRINCIPAL = {
  tenantId: 'tenant-1',
  clientId: 'client-1',
  clientSecret: 'entra-secret-0123456789',
};
const request = {
  url: 'https://acme.openai.azure.com/openai/deployments/d/chat/completions?api-version=2024-10-21',
  method: 'POST' as const,
  headers: { 'content-type': 'application/json', authorization: 'Bearer stale' },
  body: '{}',
};
let entra: FakeEntra;
let shortLived: FakeEntra;

const credential = (authority: string, secret = PRINCIPAL.clientSecret) =>
  JSON.stringify({
    tenant_id: PRINCIPAL.tenantId,
    client_id: PRINCIPAL.clientId,
    client_secret: secret,
    authority_host: authority,
  });

beforeAll(async () => {
  entra = await startFakeEntra(PRINCIPAL);
  shortLived = await startFakeEntra({ ...PRINCIPAL, tokenLifetimeSeconds: 1 });
});
afterAll(async () => {
  await entra?.close();
  await shortLived?.close();
});

describe('createAzureSigner', () => {
  it('sends a plain key as the api-key header', async () => {
    const signed = await createAzureSigner().sign(request, 'azure-key-1', {
      signal: AbortSignal.timeout(5000),
    });
    expect(signed.headers).toEqual({
      'content-type': 'application/json',
      'api-key': 'azure-key-1',
    });
  });

  it('exchanges an Entra principal for a bearer token, fetched once and cached', async () => {
    const signer = createAzureSigner();
    const before = entra.tokens.issued;
    const first = await signer.sign(request, credential(entra.url), {
      signal: AbortSignal.timeout(5000),
    });
    const second = await signer.sign(request, credential(entra.url), {
      signal: AbortSignal.timeout(5000),
    });
    const token = first.headers.authorization?.replace('Bearer ', '');
    expect(entra.tokens.verify(token)).toBe('valid');
    expect(second.headers.authorization).toBe(first.headers.authorization);
    expect(first.headers['api-key']).toBeUndefined();
    expect(entra.tokens.issued - before).toBe(1);
  });

  it('refreshes a short-lived token before it expires', async () => {
    const signer = createAzureSigner();
    const sign = () =>
      signer.sign(request, credential(shortLived.url), { signal: AbortSignal.timeout(5000) });
    const first = (await sign()).headers.authorization;
    expect((await sign()).headers.authorization).toBe(first);
    // A one-second token is refreshed half way through its life, while it is still valid.
    await new Promise((resolve) => setTimeout(resolve, 600));
    const refreshed = (await sign()).headers.authorization;
    expect(refreshed).not.toBe(first);
    expect(shortLived.tokens.verify(refreshed?.replace('Bearer ', ''))).toBe('valid');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(shortLived.tokens.verify(first?.replace('Bearer ', ''))).toBe('expired');
  });

  it('refuses a wrong secret as an authentication error that does not quote it', async () => {
    const error = await createAzureSigner()
      .sign(request, credential(entra.url, 'wrong-secret-9876543210'), {
        signal: AbortSignal.timeout(5000),
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'authentication', retryable: false });
    expect((error as Error).message).toBe(
      'Microsoft Entra refused the Azure credential: invalid_client (AADSTS7000215).',
    );
  });

  it('refuses a malformed principal naming the field, and an unreachable authority as retryable', async () => {
    const bad = JSON.stringify({ tenant_id: 't', client_id: 'c', client_secret: '' });
    await expect(
      createAzureSigner().sign(request, bad, { signal: AbortSignal.timeout(5000) }),
    ).rejects.toThrow(/problem at: client_secret/);
    const unreachable = createAzureSigner().sign(request, credential('http://127.0.0.1:1'), {
      signal: AbortSignal.timeout(5000),
    });
    await expect(unreachable).rejects.toMatchObject({ kind: 'server_error', retryable: true });
  });
});
