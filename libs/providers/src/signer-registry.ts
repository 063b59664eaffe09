import { PROVIDER_DESCRIPTORS } from './provider-descriptors.js';
import type { RequestSigner } from './request-signer.js';

/** One signer per provider type whose auth needs one, built on first use (it holds a token cache). */
const SIGNERS = new Map<string, RequestSigner>();

/** The signer for a provider type, or undefined when its key is sent as the adapter writes it. */
export function signerFor(providerType: string): RequestSigner | undefined {
  const existing = SIGNERS.get(providerType);
  if (existing !== undefined) return existing;
  const descriptor = PROVIDER_DESCRIPTORS.find((candidate) => candidate.type === providerType);
  if (descriptor === undefined || !('createSigner' in descriptor.auth)) return undefined;
  const signer = descriptor.auth.createSigner();
  SIGNERS.set(providerType, signer);
  return signer;
}
