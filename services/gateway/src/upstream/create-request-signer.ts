import {
  type AwsCredentials,
  type ProviderAuth,
  ProviderError,
  parseAwsCredentialKey,
  signSigV4Request,
  type UpstreamRequest,
} from '@switchyard/providers';
import type { AwsCredentialSource } from './aws-default-credentials.js';

/**
 * Authenticates a built request with the picked credential just before it is sent: it may read
 * the clock and fetch credentials, which a pure adapter may not. Fails with a `ProviderError`
 * of kind `authentication` when no credentials can be had.
 */
export type RequestSigner = (
  request: UpstreamRequest,
  key: string | undefined,
) => Promise<UpstreamRequest>;

export interface RequestSignerOptions {
  provider: string;
  baseUrl: string;
  /** The configured region, else the one the base URL names. */
  region: string | undefined;
  now: () => number;
  /** Where credentials come from when the pool has no key (the AWS default chain). */
  defaultCredentials: () => AwsCredentialSource;
}

/**
 * The signer a provider's auth kind needs: none for `api-key` (the adapter wrote the key), a
 * SigV4 signer for `sigv4`, signing with the pool's `ACCESS_KEY_ID:SECRET[:TOKEN]` entry or, for
 * a provider without keys, the AWS default chain. Throws at start when no region is known.
 */
export function createRequestSigner(
  auth: ProviderAuth,
  options: RequestSignerOptions,
): RequestSigner | undefined {
  if (auth.kind === 'api-key') return undefined;
  const region = options.region ?? auth.regionOf(options.baseUrl);
  if (region === undefined) {
    throw new Error(
      `provider ${options.provider}: no AWS region (set region in its configuration)`,
    );
  }
  return async (request, key) => {
    const credentials = await credentialsFor(key, options);
    return signSigV4Request(request, credentials, {
      region,
      service: auth.service,
      signingDate: new Date(options.now()),
    });
  };
}

async function credentialsFor(
  key: string | undefined,
  options: RequestSignerOptions,
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
