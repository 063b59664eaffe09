import type { CredentialJson } from '@switchyard/contracts';
import type { CatalogCredential } from '@switchyard/db';

/** A credential as responses show it: never the secret or its ciphertext, only a masked hint. */
export function toCredentialJson(row: CatalogCredential): CredentialJson {
  return {
    id: row.id,
    object: 'credential',
    provider: row.provider,
    name: row.name,
    hint: row.hint,
    enabled: row.enabled,
    limits: { rpm: row.rpm, tpm: row.tpm, daily_requests: row.daily_requests },
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}
