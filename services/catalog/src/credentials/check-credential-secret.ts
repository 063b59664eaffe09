import { descriptorFor, parseAwsCredentialKey } from '@switchyard/providers';
import { apiErrors } from '@switchyard/service-kit';

/**
 * Refuses a secret its provider's auth kind cannot use, before it is sealed: a SigV4 provider
 * (`bedrock`) signs with `ACCESS_KEY_ID:SECRET_ACCESS_KEY[:SESSION_TOKEN]`, so anything else
 * would only fail at the first call. The secret is never echoed.
 */
export function checkCredentialSecret(providerType: string, secret: string): void {
  if (descriptorFor(providerType)?.auth.kind !== 'sigv4') return;
  if (parseAwsCredentialKey(secret) !== undefined) return;
  throw apiErrors.invalidRequest(
    `Invalid request: a ${providerType} credential is 'ACCESS_KEY_ID:SECRET_ACCESS_KEY' or 'ACCESS_KEY_ID:SECRET_ACCESS_KEY:SESSION_TOKEN'.`,
    'secret',
  );
}
