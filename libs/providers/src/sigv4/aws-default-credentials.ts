import type { AwsCredentials } from './aws-credentials.js';

/** Resolves AWS credentials; each call may return cached ones. */
export type AwsCredentialSource = () => Promise<AwsCredentials>;

let shared: AwsCredentialSource | undefined;

/**
 * The AWS SDK's default credential chain, one per process (its cache is the point): the
 * environment (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`), the shared
 * profile (`AWS_PROFILE`), web identity (IRSA: `AWS_WEB_IDENTITY_TOKEN_FILE` + `AWS_ROLE_ARN`
 * through STS `AssumeRoleWithWebIdentity`), then the container (EKS Pod Identity, ECS) and
 * instance roles. The SDK memoizes what it found and fetches new temporary credentials five
 * minutes before they expire. Loaded on first use, so gateways without a keyless SigV4
 * provider never load the SDK. These variables are read by the SDK, not by any service's `config.ts`.
 */
export function awsDefaultCredentials(): AwsCredentialSource {
  shared ??= createAwsChainCredentials();
  return shared;
}

/** A new instance of the default chain with its own cache (tests; the process shares one). */
export function createAwsChainCredentials(): AwsCredentialSource {
  let provider: Promise<() => Promise<AwsCredentials>> | undefined;
  return async () => {
    provider ??= import('@aws-sdk/credential-providers').then(({ fromNodeProviderChain }) =>
      fromNodeProviderChain(),
    );
    return (await provider)();
  };
}
