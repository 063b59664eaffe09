import type { SigV4Auth } from '../provider-descriptor.js';
import { ProviderError } from '../provider-error.js';
import type { RequestSigner } from '../request-signer.js';
import type { AwsCredentials } from './aws-credentials.js';
import type { AwsCredentialSource } from './aws-default-credentials.js';
import { parseAwsCredentialKey } from './parse-aws-credential-key.js';
import { signSigV4Request } from './sign-sigv4-request.js';

export interface SigV4SignerOptions {
  provider: string;
  baseUrl: string;
  /** The configured region, else the one the base URL names. */
  region: string | undefined;
  now: () => number;
  /** Where credentials come from when the pool has no key (the AWS default chain). */
  defaultCredentials: () => AwsCredentialSource;
}

/**
 * A `sigv4` provider's signer: signs each built request, at the clock's time, with the pool's
 * `ACCESS_KEY_ID:SECRET[:TOKEN]` entry or, for a provider without keys, the AWS default chain.
 * Per provider, not per type: the region is the provider's. Throws at start when no region is
 * known. Fails with a `ProviderError` of kind `authentication` when no credentials can be had.
 */
export function createSigV4Signer(auth: SigV4Auth, options: SigV4SignerOptions): RequestSigner {
  const region = options.region ?? auth.regionOf(options.baseUrl);
  if (region === undefined) {
    throw new Error(
      `provider ${options.provider}: no AWS region (set region in its configuration)`,
    );
  }
  return {
    async sign(request, key) {
      const credentials = await credentialsFor(key, options);
      return signSigV4Request(request, credentials, {
        region,
        service: auth.service,
        signingDate: new Date(options.now()),
      });
    },
  };
}

async function credentialsFor(
  key: string | undefined,
  options: SigV4SignerOptions,
): Promise<AwsCredentials> {
  if (key !== undefined) {
    const parsed = parseAwsCredentialKey(key);
    if (parsed !== undefined) return parsed;
    throw refused(
      `${options.provider}: a stored credential is not an AWS key pair (ACCESS_KEY_ID:SECRET_ACCESS_KEY[:SESSION_TOKEN]).`,
    );
  }
  try {
    return await options.defaultCredentials()();
  } catch (error: unknown) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
    throw refused(
      `${options.provider}: no AWS credentials could be loaded (${reason.slice(0, 300)}).`,
    );
  }
}

function refused(message: string): ProviderError {
  return new ProviderError(message, {
    kind: 'authentication',
    status: 401,
    code: 'credentials_unavailable',
    retryable: false,
  });
}
