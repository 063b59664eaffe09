/** A JSON Schema object, as the OpenAPI document holds it. */
export type JsonSchema = Record<string, unknown>;

/** The admin API's usage and request log response schemas; `list` wraps one in a page. */
export function usageComponentSchemas(
  list: (ref: string) => JsonSchema,
): Record<string, JsonSchema> {
  const integer = { type: 'integer' };
  const nullableInteger = { type: ['integer', 'null'] };
  const nullableString = { type: ['string', 'null'] };
  const usd = { type: 'string', pattern: '^\\d+(\\.\\d+)?$', description: 'Exact USD.' };
  const time = { type: 'string', format: 'date-time' };
  const totals = {
    requests: integer,
    errors: integer,
    success_rate: { type: ['number', 'null'] },
    prompt_tokens: integer,
    completion_tokens: integer,
    cached_tokens: integer,
    reasoning_tokens: integer,
    total_tokens: integer,
    cost_usd: usd,
    avg_latency_ms: { type: ['number', 'null'] },
    avg_ttft_ms: { type: ['number', 'null'] },
  };
  const usageEvent = {
    object: { const: 'usage_event' },
    request_id: { type: 'string' },
    started_at: time,
    finished_at: time,
    received_at: time,
    key_id: nullableString,
    team_id: nullableString,
    endpoint: { type: 'string' },
    requested_model: { type: 'string' },
    model: { type: 'string' },
    provider: { type: 'string' },
    upstream_model: { type: 'string' },
    credential_id: nullableString,
    stream: { type: 'boolean' },
    status: integer,
    error_code: nullableString,
    error_message: nullableString,
    prompt_tokens: integer,
    completion_tokens: integer,
    cached_tokens: integer,
    reasoning_tokens: integer,
    usage_source: { enum: ['provider', 'estimated', 'partial', 'none'] },
    cost_usd: { ...usd, type: ['string', 'null'] },
    cost_source: { enum: ['catalog', 'provider', null] },
    price_version: nullableString,
    latency_ms: integer,
    ttft_ms: nullableInteger,
    attempts: integer,
    fallback_used: { type: 'boolean' },
    extra: { type: 'object' },
  };
  const requestLogEntry = {
    ...usageEvent,
    has_bodies: { type: 'boolean', description: 'The request log holds its bodies.' },
  };
  return {
    UsageEvent: { type: 'object', properties: usageEvent },
    UsageEventList: list('UsageEvent'),
    RequestLogEntry: { type: 'object', properties: requestLogEntry },
    RequestLogList: list('RequestLogEntry'),
    RequestLogEntryWithBodies: {
      type: 'object',
      properties: {
        ...requestLogEntry,
        bodies: {
          type: ['object', 'null'],
          description:
            'The bodies as the gateway logged them (capped, credentials redacted); null when logging was off.',
          properties: {
            request: { type: 'string' },
            request_truncated: { type: 'boolean' },
            response: { type: ['string', 'null'] },
            response_truncated: { type: 'boolean' },
          },
        },
      },
    },
    CredentialUsage: {
      type: 'object',
      properties: {
        provider: { type: 'string' },
        credential_id: { type: 'string' },
        requests: integer,
        errors: integer,
        rate_limited: integer,
        last_used_at: { type: 'string', format: 'date-time' },
        last_error_at: { type: ['string', 'null'], format: 'date-time' },
      },
    },
    CredentialUsageList: list('CredentialUsage'),
    UsageSummary: {
      type: 'object',
      properties: {
        object: { const: 'usage_summary' },
        group_by: { enum: ['day', 'team', 'key', 'model', 'provider'] },
        from: { type: 'string', format: 'date' },
        to: { type: 'string', format: 'date' },
        data: {
          type: 'array',
          items: { type: 'object', properties: { group: nullableString, ...totals } },
        },
        totals: { type: 'object', properties: totals },
      },
    },
  };
}
