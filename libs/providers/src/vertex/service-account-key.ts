import { z } from 'zod';
import { ProviderError } from '../provider-error.js';
import { parseJson } from '../shared/parse-json.js';

/** Where Google's JWT-bearer grant is posted unless the key names another `token_uri`. */
export const GOOGLE_TOKEN_URI = 'https://oauth2.googleapis.com/token';

const serviceAccountKeySchema = z.looseObject({
  type: z.literal('service_account'),
  client_email: z.string().min(1),
  private_key: z.string().min(1),
  private_key_id: z.string().optional(),
  token_uri: z.url({ protocol: /^https?$/ }).optional(),
});

/** The fields of a Google service-account JSON key that the signer uses. */
export interface ServiceAccountKey {
  readonly clientEmail: string;
  readonly privateKey: string;
  readonly privateKeyId: string | undefined;
  readonly tokenUri: string;
}

/**
 * A Vertex provider's key: a service-account JSON key as the Cloud console downloads it. One that
 * is not is refused naming the fields at fault, never quoting the key.
 */
export function parseServiceAccountKey(key: string): ServiceAccountKey {
  const parsed = serviceAccountKeySchema.safeParse(parseJson(key));
  if (!parsed.success) {
    const fields = [
      ...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || '(key)')),
    ];
    throw new ProviderError(
      `The Vertex credential is not a service-account JSON key (problem at: ${fields.join(', ')}).`,
      { kind: 'authentication', status: 401, code: 'invalid_credential', retryable: false },
    );
  }
  const { data } = parsed;
  return {
    clientEmail: data.client_email,
    privateKey: data.private_key,
    privateKeyId: data.private_key_id,
    tokenUri: data.token_uri ?? GOOGLE_TOKEN_URI,
  };
}
