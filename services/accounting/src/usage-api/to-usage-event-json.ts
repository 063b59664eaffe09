import {
  type CostSource,
  formatUsd,
  parseUsd,
  type UsageEventJson,
  type UsageEventSource,
} from '@switchyard/contracts';
import type { UsageEventRow } from '@switchyard/db';

/** A ledger row as the admin API shows it: usage event v1's fields, plus when it was stored. */
export function toUsageEventJson(row: UsageEventRow): UsageEventJson {
  return {
    object: 'usage_event',
    request_id: row.request_id,
    client_request_id: row.client_request_id,
    started_at: row.started_at.toISOString(),
    finished_at: row.finished_at.toISOString(),
    received_at: row.received_at.toISOString(),
    key_id: row.key_id,
    team_id: row.team_id,
    endpoint: row.endpoint,
    requested_model: row.requested_model,
    model: row.model,
    provider: row.provider,
    upstream_model: row.upstream_model,
    credential_id: row.credential_id,
    stream: row.stream,
    status: row.status,
    error_code: row.error_code,
    error_message: row.error_message,
    prompt_tokens: Number(row.prompt_tokens),
    completion_tokens: Number(row.completion_tokens),
    cached_tokens: Number(row.cached_tokens),
    reasoning_tokens: Number(row.reasoning_tokens),
    // The columns hold what usage event v1 allowed when the row was written.
    usage_source: row.usage_source as UsageEventSource,
    cost_usd: row.cost_usd === null ? null : formatUsd(parseUsd(row.cost_usd)),
    cost_source: row.cost_source as CostSource | null,
    price_version: row.price_version,
    latency_ms: row.latency_ms,
    ttft_ms: row.ttft_ms,
    attempts: row.attempts,
    fallback_used: row.fallback_used,
    end_user: row.end_user,
    tags: row.tags,
    extra: row.extra,
  };
}
