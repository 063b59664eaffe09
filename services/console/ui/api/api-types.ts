import type { Budget } from '../../src/shared/parse-budget-form.js';

/** The response shapes the UI reads from the admin API (only the fields it uses). */

export type Role = 'admin' | 'team_admin' | 'member';

export interface SessionInfo {
  role: Role;
  key: { id: string; name: string; prefix: string | null };
  team: { id: string; name: string } | null;
  csrf_token: string;
}

export interface Page<T> {
  data: T[];
  next_cursor: string | null;
}

export interface Limits {
  rpm: number | null;
  tpm: number | null;
  max_concurrent: number | null;
}

export interface Team {
  id: string;
  name: string;
  limits: Limits;
  model_allowlist: string[] | null;
  /** Absent on an admin API from before budgets. */
  budget?: Budget;
  created_at: string;
}

export interface ApiKey {
  id: string;
  team_id: string;
  name: string;
  role: Role;
  key_prefix: string;
  limits: Limits;
  model_allowlist: string[] | null;
  budget?: Budget;
  /** Request and response bodies of this key's requests go to the request log. */
  log_bodies?: boolean;
  expires_at: string | null;
  revoked_at: string | null;
  created_at: string;
  last_used_at: string | null;
}

export interface KeyWithSecret extends ApiKey {
  secret: string;
}

export interface UsageEvent {
  request_id: string;
  started_at: string;
  finished_at: string;
  key_id: string | null;
  team_id: string | null;
  endpoint: string;
  requested_model: string;
  model: string;
  provider: string;
  upstream_model: string;
  credential_id: string | null;
  stream: boolean;
  status: number;
  error_code: string | null;
  error_message?: string | null;
  prompt_tokens: number;
  completion_tokens: number;
  cached_tokens: number;
  reasoning_tokens: number;
  usage_source: string;
  cost_usd: string | null;
  cost_source: string | null;
  latency_ms: number;
  ttft_ms: number | null;
  attempts: number;
  fallback_used: boolean;
  extra?: unknown;
}

/** One request in the request log. */
export interface RequestLogEntry extends UsageEvent {
  has_bodies: boolean;
}

/** A request log entry with its bodies (logged text, capped and credential-redacted). */
export interface RequestLogDetail extends RequestLogEntry {
  bodies: {
    request: string;
    request_truncated: boolean;
    response: string | null;
    response_truncated: boolean;
  } | null;
}

export interface UsageTotals {
  requests: number;
  errors: number;
  success_rate: number | null;
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  cost_usd: string;
  avg_latency_ms: number | null;
  avg_ttft_ms: number | null;
}

export interface UsageSummary {
  from: string;
  to: string;
  data: Array<UsageTotals & { group: string | null }>;
  totals: UsageTotals;
}

export interface Pricing {
  prompt?: string | null;
  completion?: string | null;
  cached_prompt?: string | null;
  cache_write?: string | null;
  reasoning?: string | null;
  per_request?: string | null;
  per_image?: string | null;
}

export interface Model {
  id: string;
  name: string;
  context_length: number;
  max_output_tokens: number | null;
  free: boolean;
  enabled: boolean;
  overrides: { pricing?: Pricing; context_length?: number } & Record<string, unknown>;
  aliases: string[];
  routes: Array<{ provider: string; upstream_model: string; pricing: Pricing }>;
}

export interface Provider {
  name: string;
  type: string;
  base_url: string;
  enabled: boolean;
  source: string;
}

export interface Credential {
  id: string;
  provider: string;
  name: string;
  hint: string;
  enabled: boolean;
  limits: { rpm: number | null; tpm: number | null; daily_requests: number | null };
  created_at: string;
}

export interface SyncRun {
  id: string;
  status: string;
  trigger: string;
  created_at: string;
  finished_at: string | null;
  catalog_version: string | null;
  report: {
    status?: string;
    models?: number;
    routes?: number;
    changed?: boolean;
    error?: string | null;
    sources?: Record<string, { status: string; error: string | null; models: number }>;
  } | null;
}

/** The gateway's `GET /v1/key`: the logged-in key as it is enforced right now. */
export interface KeyInfo {
  data: {
    name: string | null;
    prefix: string | null;
    role: Role;
    expires_at: string | null;
    limits: { key: Limits; team: Limits };
    budgets?: Array<{
      limit_source: string;
      period: string;
      limit_usd: string;
      spent_usd: string;
      reserved_usd: string;
      remaining_usd: string;
      resets_at: string | null;
    }>;
  };
}
