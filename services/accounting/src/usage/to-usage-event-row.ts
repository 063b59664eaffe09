import type { UsageEventV1 } from '@switchyard/contracts';
import type { JsonObject, NewUsageEventRow } from '@switchyard/db';
import { replaceNul } from './replace-nul.js';

/**
 * The fields of usage event v1 that have a column (or, for `bodies`, a table of their own);
 * everything else goes to `extra`.
 */
const knownFields = new Set([
  'version',
  'request_id',
  'client_request_id',
  'started_at',
  'finished_at',
  'key_id',
  'team_id',
  'endpoint',
  'requested_model',
  'model',
  'provider',
  'upstream_model',
  'credential_id',
  'stream',
  'status',
  'error_code',
  'error_message',
  'prompt_tokens',
  'completion_tokens',
  'cached_tokens',
  'reasoning_tokens',
  'usage_source',
  'cost_usd',
  'cost_source',
  'price_version',
  'latency_ms',
  'ttft_ms',
  'attempts',
  'fallback_used',
  'end_user',
  'tags',
  'bodies',
]);

/** The ledger row of a usage event; fields a newer producer added are kept in `extra`. */
export function toUsageEventRow(event: UsageEventV1): NewUsageEventRow {
  const extra: JsonObject = {};
  for (const [name, value] of Object.entries(event)) {
    // The event was parsed from JSON, so every unknown field holds a JSON value.
    if (!knownFields.has(name)) extra[name] = value as JsonObject[string];
  }
  return {
    request_id: event.request_id,
    client_request_id:
      event.client_request_id === undefined || event.client_request_id === null
        ? null
        : replaceNul(event.client_request_id),
    started_at: event.started_at,
    finished_at: event.finished_at,
    key_id: event.key_id,
    team_id: event.team_id,
    endpoint: event.endpoint,
    requested_model: event.requested_model,
    model: event.model,
    provider: event.provider,
    upstream_model: event.upstream_model,
    credential_id: event.credential_id,
    stream: event.stream,
    status: event.status,
    error_code: event.error_code,
    error_message:
      event.error_message === undefined || event.error_message === null
        ? null
        : replaceNul(event.error_message),
    prompt_tokens: event.prompt_tokens,
    completion_tokens: event.completion_tokens,
    cached_tokens: event.cached_tokens,
    reasoning_tokens: event.reasoning_tokens,
    usage_source: event.usage_source,
    cost_usd: event.cost_usd,
    cost_source: event.cost_source,
    price_version: event.price_version,
    latency_ms: event.latency_ms,
    ttft_ms: event.ttft_ms,
    attempts: event.attempts,
    fallback_used: event.fallback_used,
    extra,
    end_user:
      event.end_user === undefined || event.end_user === null ? null : replaceNul(event.end_user),
    tags: (event.tags ?? []).map(replaceNul),
  };
}
