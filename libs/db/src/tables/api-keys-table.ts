import type { Insertable, Selectable, Updateable } from 'kysely';
import type {
  Defaulted,
  DefaultedTimestamp,
  GeneratedId,
  NullableColumn,
  NullableTimestamp,
} from './column-types.js';
import type { JsonObject } from './json-value.js';

/** What a key may do: everything, manage its own team, or call models only. */
export const API_KEY_ROLES = ['admin', 'team_admin', 'member'] as const;

/** One of {@link API_KEY_ROLES}. */
export type ApiKeyRole = (typeof API_KEY_ROLES)[number];

/** What a budget covers: a UTC day, a UTC month, or all time. */
export const BUDGET_PERIODS = ['day', 'month', 'total'] as const;
export type BudgetPeriod = (typeof BUDGET_PERIODS)[number];

/** Limits for one model, as stored in `api_keys.per_model_limits` (keyed by model id). */
export interface ModelLimits {
  rpm?: number;
  tpm?: number;
  max_concurrent?: number;
}

/**
 * `accounting.api_keys`: a key of a team. Only the HMAC-SHA256 of the secret is stored
 * (`key_hash`, 32 bytes, unique); `key_prefix` is for display. Null limits mean unlimited,
 * a null `model_allowlist` means every model the team may use.
 */
export interface ApiKeysTable {
  id: GeneratedId;
  team_id: string;
  name: string;
  role: Defaulted<ApiKeyRole>;
  /** The first characters of the secret (`sk-sy-AbCd…`), to tell keys apart. */
  key_prefix: string;
  /** HMAC-SHA256(pepper, secret); `pg` reads it as a `Buffer`, PGlite as a `Uint8Array`. */
  key_hash: Uint8Array;
  rpm: NullableColumn<number>;
  tpm: NullableColumn<number>;
  max_concurrent: NullableColumn<number>;
  model_allowlist: NullableColumn<string[]>;
  /** Only `:free` routes. */
  free_only: Defaulted<boolean>;
  /** Limits per model id; a JSON object (never a JSON array, which `pg` would send as a Postgres array). */
  per_model_limits: NullableColumn<Record<string, ModelLimits>>;
  /** USD budget as an exact decimal string (`numeric`); null means no budget. */
  budget_usd: NullableColumn<string>;
  /** What the budget covers: a UTC day, a UTC month, or all time; null with no budget. */
  budget_period: NullableColumn<BudgetPeriod>;
  /** Percent thresholds that send a spend alert; null means the defaults (50, 80, 100). */
  budget_alert_thresholds: NullableColumn<number[]>;
  /** Whether a projected overspend sends an alert; null means yes. */
  budget_alert_projected: NullableColumn<boolean>;
  /** Request and response bodies of this key's requests go to the request log. */
  log_bodies: Defaulted<boolean>;
  metadata: Defaulted<JsonObject>;
  expires_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
  last_used_at: NullableTimestamp;
}

/** A key row as read. */
export type ApiKey = Selectable<ApiKeysTable>;
/** A key row to insert. */
export type NewApiKey = Insertable<ApiKeysTable>;
/** Changes to a key row. */
export type ApiKeyUpdate = Updateable<ApiKeysTable>;
