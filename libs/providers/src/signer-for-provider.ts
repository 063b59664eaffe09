import { descriptorFor } from './descriptor-for.js';
import type { RequestSigner } from './request-signer.js';
import { signerFor } from './signer-registry.js';
import {
  type AwsCredentialSource,
  awsDefaultCredentials,
} from './sigv4/aws-default-credentials.js';
import { createSigV4Signer } from './sigv4/create-sigv4-signer.js';

/** The provider a signer is for: what SigV4 needs per provider (its region). */
export interface SignedProvider {
  readonly name: string;
  readonly type: string;
  readonly baseUrl: string;
  /** The configured AWS region; undefined: the one the base URL names. */
  readonly region?: string | undefined;
}

/** The clock SigV4 signs at, and (tests) where keyless SigV4 providers get credentials. */
export interface SignerForProviderOptions {
  readonly now: () => number;
  readonly defaultCredentials?: () => AwsCredentialSource;
}

/**
 * The signer of one provider, the one seam the gateway (its calls) and the catalog (its model
 * lists) share: SigV4 signs per provider (its region; the pool's key or the AWS default chain),
 * token kinds per type (`signerFor`, one token cache per process); undefined when the adapter
 * writes the key itself. Throws when a SigV4 provider has no region.
 */
export function signerForProvider(
  provider: SignedProvider,
  options: SignerForProviderOptions,
): RequestSigner | undefined {
  const auth = descriptorFor(provider.type)?.auth;
  if (auth?.kind !== 'sigv4') return signerFor(provider.type);
  return createSigV4Signer(auth, {
    provider: provider.name,
    baseUrl: provider.baseUrl,
    region: provider.region,
    now: options.now,
    defaultCredentials: options.defaultCredentials ?? awsDefaultCredentials,
  });
}
