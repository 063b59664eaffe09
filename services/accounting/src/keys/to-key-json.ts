import type { KeyJson } from '@switchyard/contracts';
import type { ApiKey } from '@switchyard/db';
import { toBudgetJson } from '../admin/budget-columns.js';

/** The response form of a key row: never the hash, never the secret. */
export function toKeyJson(key: ApiKey): KeyJson {
  return {
    id: key.id,
    object: 'api_key',
    team_id: key.team_id,
    name: key.name,
    role: key.role,
    key_prefix: key.key_prefix,
    limits: { rpm: key.rpm, tpm: key.tpm, max_concurrent: key.max_concurrent },
    budget: toBudgetJson(key),
    model_allowlist: key.model_allowlist,
    model_limits: key.per_model_limits,
    log_bodies: key.log_bodies,
    metadata: key.metadata,
    expires_at: key.expires_at?.toISOString() ?? null,
    revoked_at: key.revoked_at?.toISOString() ?? null,
    created_at: key.created_at.toISOString(),
    updated_at: key.updated_at.toISOString(),
    last_used_at: key.last_used_at?.toISOString() ?? null,
  };
}
