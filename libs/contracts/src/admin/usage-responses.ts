import { z } from 'zod';
import { COST_SOURCES, USAGE_SOURCES } from '../usage/usage-event.js';
import { pageSchema } from './page-schema.js';
import { USAGE_GROUP_BY } from './usage-summary-query.js';

const time = z.iso.datetime();
const integer = z.number().int();
const usd = z
  .string()
  .regex(/^\d+(\.\d+)?$/)
  .describe('Exact USD.');

/** A ledger row as the admin API shows it: usage event v1's fields, plus when it was stored. */
export const usageEventJsonSchema = z.object({
  object: z.literal('usage_event'),
  request_id: z.string(),
  client_request_id: z.string().nullable(),
  started_at: time,
  finished_at: time,
  received_at: time,
  key_id: z.string().nullable(),
  team_id: z.string().nullable(),
  endpoint: z.string(),
  requested_model: z.string(),
  model: z.string(),
  provider: z.string(),
  upstream_model: z.string(),
  credential_id: z.string().nullable(),
  stream: z.boolean(),
  status: integer,
  error_code: z.string().nullable(),
  error_message: z.string().nullable(),
  prompt_tokens: integer,
  completion_tokens: integer,
  cached_tokens: integer,
  reasoning_tokens: integer,
  usage_source: z.enum(USAGE_SOURCES),
  cost_usd: usd.nullable(),
  cost_source: z.enum(COST_SOURCES).nullable(),
  price_version: z.string().nullable(),
  latency_ms: integer,
  ttft_ms: integer.nullable(),
  attempts: integer,
  fallback_used: z.boolean(),
  /** The end user the caller attributed the request to; null when none. */
  end_user: z.string().nullable(),
  /** The request's `key` or `key:value` tags. */
  tags: z.array(z.string()),
  extra: z.record(z.string(), z.unknown()),
});
export type UsageEventJson = z.infer<typeof usageEventJsonSchema>;

/** One request of the request log: its usage event, and whether its bodies were logged. */
export const requestLogEntryJsonSchema = usageEventJsonSchema.extend({
  has_bodies: z.boolean().describe('The request log holds its bodies.'),
});
export type RequestLogEntryJson = z.infer<typeof requestLogEntryJsonSchema>;

/** A request's logged bodies: text as the gateway stored it (capped, credentials redacted). */
export const requestBodiesJsonSchema = z.object({
  request: z.string(),
  request_truncated: z.boolean(),
  response: z.string().nullable(),
  response_truncated: z.boolean(),
});
export type RequestBodiesJson = z.infer<typeof requestBodiesJsonSchema>;

/** `GET /admin/v1/requests/{request_id}`: the entry with its bodies (null when not logged). */
export const requestLogDetailJsonSchema = requestLogEntryJsonSchema.extend({
  bodies: requestBodiesJsonSchema
    .nullable()
    .describe(
      'The bodies as the gateway logged them (capped, credentials redacted); null when logging was off.',
    ),
});
export type RequestLogDetailJson = z.infer<typeof requestLogDetailJsonSchema>;

/** Totals of one group of a usage summary (or of all of them). */
export const usageTotalsJsonSchema = z.object({
  requests: integer,
  errors: integer,
  /** Share of requests with status < 400; null without requests. */
  success_rate: z.number().nullable(),
  prompt_tokens: integer,
  completion_tokens: integer,
  cached_tokens: integer,
  reasoning_tokens: integer,
  total_tokens: integer,
  cost_usd: usd,
  avg_latency_ms: z.number().nullable(),
  avg_ttft_ms: z.number().nullable(),
});
export type UsageTotalsJson = z.infer<typeof usageTotalsJsonSchema>;

/** `GET /admin/v1/usage/summary`: totals per group over UTC days `from`..`to`. */
export const usageSummaryJsonSchema = z.object({
  object: z.literal('usage_summary'),
  group_by: z.enum(USAGE_GROUP_BY),
  from: z.iso.date(),
  to: z.iso.date(),
  data: z.array(usageTotalsJsonSchema.extend({ group: z.string().nullable() })),
  totals: usageTotalsJsonSchema,
});
export type UsageSummaryJson = z.infer<typeof usageSummaryJsonSchema>;

/** Requests, errors and 429s of one upstream credential over a time range. */
export const credentialUsageJsonSchema = z.object({
  provider: z.string(),
  credential_id: z.string(),
  requests: integer,
  errors: integer,
  rate_limited: integer,
  last_used_at: time,
  last_error_at: time.nullable(),
});
export type CredentialUsageJson = z.infer<typeof credentialUsageJsonSchema>;

/** `GET /admin/v1/usage/credentials`: one row per credential that served requests. */
export const credentialUsageListJsonSchema = z.object({
  object: z.literal('list'),
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
  data: z.array(credentialUsageJsonSchema),
});
export type CredentialUsageListJson = z.infer<typeof credentialUsageListJsonSchema>;

export const usageEventPageSchema = pageSchema(usageEventJsonSchema);
export const requestLogPageSchema = pageSchema(requestLogEntryJsonSchema);
