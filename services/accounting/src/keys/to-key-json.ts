import type { ApiKey, ApiKeyRole, JsonObject, ModelLimits } from '@switchyard/db';
import { type BudgetJson, toBudgetJson } from '../admin/budget-columns.js';

/** A key as the admin API shows it: never the hash, never the secret. */
export interface KeyJson {
  id: string;
  object: 'api_key';
  team_id: string;
  name: string;
  role: ApiKeyRole;
  key_prefix: string;
  limits: { rpm: number | null; tpm: number | null; max_concurrent: number | null };
  budget: BudgetJson;
  model_allowlist: string[] | null;
  model_limits: Record<string, ModelLimits> | null;
  /** Request and response bodies of this key's requests go to the request log. */
  log_bodies: boolean;
  metadata: JsonObject;
  expires_at: string | null;
  revoked_at: string | null;
  created_at: string;
  updated_at: string;
  last_used_at: string | null;
}

/** The response form of a key row. */
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
