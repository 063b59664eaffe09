import type { AwsCredentials } from './aws-credentials.js';

/**
 * A credential pool entry of a SigV4 provider, written `ACCESS_KEY_ID:SECRET_ACCESS_KEY` or
 * `ACCESS_KEY_ID:SECRET_ACCESS_KEY:SESSION_TOKEN` (AWS key ids, secrets and session tokens never
 * hold a colon), so static keys live in YAML and in the catalog's encrypted credentials as one
 * secret like any other key. Undefined when the text is not that shape.
 */
export function parseAwsCredentialKey(key: string): AwsCredentials | undefined {
  const parts = key.split(':');
  const [accessKeyId, secretAccessKey, sessionToken] = parts;
  if (parts.length > 3 || !accessKeyId || !secretAccessKey) return undefined;
  if (parts.length === 3 && !sessionToken) return undefined;
  return sessionToken === undefined
    ? { accessKeyId, secretAccessKey }
    : { accessKeyId, secretAccessKey, sessionToken };
}
