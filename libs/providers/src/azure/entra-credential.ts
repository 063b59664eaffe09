import { z } from 'zod';
import { ProviderError } from '../provider-error.js';
import { parseJson } from '../shared/parse-json.js';

/** Microsoft Entra's public authority; a sovereign cloud or a test names its own. */
export const ENTRA_DEFAULT_AUTHORITY = 'https://login.microsoftonline.com';

const entraCredentialSchema = z.strictObject({
  tenant_id: z.string().min(1),
  client_id: z.string().min(1),
  client_secret: z.string().min(1),
  authority_host: z.url({ protocol: /^https?$/ }).optional(),
  scope: z.string().min(1).optional(),
});

/** A service principal's client credentials, as an Azure provider's key holds them. */
export interface EntraCredential {
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** e.g. `https://login.microsoftonline.com`, without a trailing slash. */
  readonly authorityHost: string;
  readonly scope: string;
}

/**
 * An Azure key that is a JSON object (`{"tenant_id","client_id","client_secret"}`, optionally
 * `authority_host` and `scope`) is a Microsoft Entra service principal; any other key is an
 * `api-key`. A JSON key that is not a valid principal is refused without quoting it.
 */
export function parseEntraCredential(key: string): EntraCredential | undefined {
  if (!key.trimStart().startsWith('{')) return undefined;
  const parsed = entraCredentialSchema.safeParse(parseJson(key));
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(key)');
    throw new ProviderError(
      `The Azure Entra credential is not valid JSON with tenant_id, client_id and client_secret (problem at: ${[...new Set(fields)].join(', ')}).`,
      { kind: 'authentication', status: 401, code: 'invalid_credential', retryable: false },
    );
  }
  const { data } = parsed;
  return {
    tenantId: data.tenant_id,
    clientId: data.client_id,
    clientSecret: data.client_secret,
    authorityHost: (data.authority_host ?? ENTRA_DEFAULT_AUTHORITY).replace(/\/+$/, ''),
    scope: data.scope ?? 'https://cognitiveservices.azure.com/.default',
  };
}
