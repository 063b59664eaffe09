import { randomUUID } from 'node:crypto';
import type { UsageEventV1 } from '@switchyard/contracts';

/** A valid usage event v1 for tests: a 200 from openai/gpt-4o-mini, overridable field by field. */
export function makeUsageEvent(overrides: Partial<UsageEventV1> = {}): UsageEventV1 {
  return {
    version: 1,
    request_id: `req_${randomUUID()}`,
    started_at: '2026-11-20T10:00:00.000Z',
    finished_at: '2026-11-20T10:00:01.250Z',
    key_id: null,
    team_id: null,
    endpoint: 'chat.completions',
    requested_model: 'openai/gpt-4o-mini',
    model: 'openai/gpt-4o-mini',
    provider: 'openai',
    upstream_model: 'gpt-4o-mini',
    credential_id: null,
    stream: false,
    status: 200,
    error_code: null,
    prompt_tokens: 100,
    completion_tokens: 20,
    cached_tokens: 0,
    reasoning_tokens: 0,
    usage_source: 'provider',
    cost_usd: '0.000027',
    cost_source: 'catalog',
    price_version: 'config',
    latency_ms: 1_250,
    ttft_ms: null,
    attempts: 1,
    fallback_used: false,
    ...overrides,
  };
}
