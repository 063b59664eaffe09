import { ERROR_MESSAGE_MAX_CHARS, type UsageEventV1 } from '@switchyard/contracts';
import { redactSecrets } from '../errors/redact-secrets.js';
import { isoTime } from './iso-time.js';
import type { RequestOutcome } from './usage-recorder.js';

/** Principal ids that are not keys in the accounting tables (the master key). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const cap = (text: string, length: number) => (text.length > length ? text.slice(0, length) : text);

/**
 * A request's outcome as usage event v1 (ARCHITECTURE.md): what accounting writes as one ledger
 * row, with the version of the price its cost was computed at.
 */
export function toUsageEvent(outcome: RequestOutcome, finishedAt: number): UsageEventV1 {
  const usage = outcome.usage;
  // One object literal, then the optional members set on it: spreading `…(cond && {…})` into a
  // literal copies through a slow path and allocates the spread object on every request.
  const event: UsageEventV1 = {
    version: 1,
    request_id: outcome.requestId,
    client_request_id: outcome.clientRequestId ?? null,
    started_at: isoTime(outcome.startedAt),
    finished_at: isoTime(finishedAt),
    key_id: UUID.test(outcome.principal.keyId) ? outcome.principal.keyId : null,
    team_id: outcome.principal.teamId,
    endpoint: outcome.endpoint,
    requested_model: cap(outcome.requestedModel, 256),
    model: cap(outcome.model, 256),
    provider: outcome.provider,
    upstream_model: cap(outcome.upstreamModel, 256),
    credential_id: outcome.credentialId ?? null,
    stream: outcome.stream,
    status: outcome.status,
    error_code: outcome.errorCode,
    error_message:
      outcome.errorMessage === null
        ? null
        : cap(redactSecrets(outcome.errorMessage, []), ERROR_MESSAGE_MAX_CHARS),
    prompt_tokens: usage?.promptTokens ?? 0,
    completion_tokens: usage?.completionTokens ?? 0,
    cached_tokens: usage?.cachedTokens ?? 0,
    reasoning_tokens: usage?.reasoningTokens ?? 0,
    usage_source: outcome.usageSource,
    cost_usd: outcome.cost ?? null,
    cost_source: outcome.cost === undefined ? null : (outcome.costSource ?? 'catalog'),
    // A cost the provider reported was computed at no price of ours.
    price_version:
      outcome.cost === undefined || outcome.costSource === 'provider'
        ? null
        : (outcome.priceVersion ?? null),
    latency_ms: Math.max(0, Math.round(outcome.latencyMs)),
    ttft_ms:
      outcome.timeToFirstTokenMs === undefined
        ? null
        : Math.max(0, Math.round(outcome.timeToFirstTokenMs)),
    attempts: outcome.attempts,
    fallback_used: outcome.fallbackUsed,
    end_user: outcome.endUser ?? null,
    tags: outcome.tags === undefined ? [] : [...outcome.tags],
  };
  if (usage?.cacheWriteTokens) {
    event.cache_write_tokens = usage.cacheWriteTokens;
    event.cache_write_1h_tokens = usage.cacheWrite1hTokens ?? 0;
  }
  if (outcome.bodies) event.bodies = outcome.bodies;
  return event;
}
