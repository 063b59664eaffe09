import { z } from 'zod';
import { END_USER_MAX_CHARS, MAX_REQUEST_TAGS, TAG_MAX_CHARS } from './attribution.js';

const count = z.number().int().nonnegative();
/** Exact USD as the ledger holds it: a non-negative decimal string, 12 + 18 digits at most. */
export const LEDGER_USD_PATTERN = /^\d{1,12}(\.\d{1,18})?$/;
const usd = z.string().regex(LEDGER_USD_PATTERN);
const timestamp = z.iso.datetime({ offset: true });

/** Where a request's token numbers came from (ARCHITECTURE.md). */
export const USAGE_SOURCES = ['provider', 'estimated', 'partial', 'none'] as const;
export type UsageEventSource = (typeof USAGE_SOURCES)[number];

/** Where a request's cost came from: our catalog's price, or the upstream's own report. */
export const COST_SOURCES = ['catalog', 'provider'] as const;
export type CostSource = (typeof COST_SOURCES)[number];

/** Longest error message an event carries. */
export const ERROR_MESSAGE_MAX_CHARS = 2_048;
/**
 * Longest body an event carries; the gateway's configured cap is at most this, so an event with
 * both bodies stays well under NATS's default 1 MB message limit.
 */
export const LOGGED_BODY_MAX_CHARS = 262_144;

/**
 * A request's bodies for the request log, capped and credential-redacted by the gateway: the
 * request as the client sent it, the response as JSON (a stream assembled into one
 * `chat.completion`); `response` is null when no upstream answered.
 */
export const requestBodiesSchema = z.object({
  request: z.string().max(LOGGED_BODY_MAX_CHARS),
  request_truncated: z.boolean(),
  response: z.string().max(LOGGED_BODY_MAX_CHARS).nullable(),
  response_truncated: z.boolean(),
});
export type RequestBodies = z.infer<typeof requestBodiesSchema>;

export const USAGE_ENDPOINTS = ['chat.completions', 'embeddings', 'messages', 'responses'] as const;

/**
 * Usage event v1: one per request that passed authentication, published by the gateway on
 * `usage.v1.<status class>` with the request id (the gateway's own, unique per request) as
 * JetStream message id. Consumers accept v1
 * forever; unknown extra fields are kept, never rejected, so v1 can grow.
 */
export const usageEventV1Schema = z.looseObject({
  version: z.literal(1),
  /** The gateway's own id of the request: the ledger's key, unique per request. */
  request_id: z.string().min(1).max(128),
  /**
   * The caller's `x-request-id`, an attribute the caller may reuse across requests; null when it
   * sent none, absent from older producers.
   */
  client_request_id: z.string().min(1).max(128).nullable().optional(),
  started_at: timestamp,
  finished_at: timestamp,
  /** null for the master key. */
  key_id: z.uuid().nullable(),
  team_id: z.uuid().nullable(),
  endpoint: z.enum(USAGE_ENDPOINTS),
  requested_model: z.string().max(256),
  /** The model that served (a fallback's id), or the requested id when none did. */
  model: z.string().max(256),
  /** Empty when no upstream answered. */
  provider: z.string().max(128),
  upstream_model: z.string().max(256),
  credential_id: z.string().max(128).nullable(),
  stream: z.boolean(),
  status: z.number().int().min(100).max(599),
  error_code: z.string().max(128).nullable(),
  /** The error message the client got, credentials redacted; absent from older producers. */
  error_message: z.string().max(ERROR_MESSAGE_MAX_CHARS).nullable().optional(),
  prompt_tokens: count,
  completion_tokens: count,
  cached_tokens: count,
  reasoning_tokens: count,
  /**
   * Prompt tokens written to a prompt cache (part of `prompt_tokens`), and the 1-hour part of
   * them; absent when the provider reported none. Kept in the ledger row's `extra`.
   */
  cache_write_tokens: count.optional(),
  cache_write_1h_tokens: count.optional(),
  usage_source: z.enum(USAGE_SOURCES),
  /** null when nothing is billable or no price is known. */
  cost_usd: usd.nullable(),
  cost_source: z.enum(COST_SOURCES).nullable(),
  /** Which catalog price the cost was computed at (a catalog version or `config`). */
  price_version: z.string().max(128).nullable(),
  latency_ms: count,
  ttft_ms: count.nullable(),
  attempts: count,
  fallback_used: z.boolean(),
  /**
   * The end user the caller attributed the request to (`x-switchyard-user`, else the body's `user`
   * or `metadata.user_id`); null when none, absent from older producers.
   */
  end_user: z.string().min(1).max(END_USER_MAX_CHARS).nullable().optional(),
  /** Up to 10 `key` or `key:value` tags (`x-switchyard-tags`, `metadata.tags`); absent from older producers. */
  tags: z.array(z.string().min(1).max(TAG_MAX_CHARS)).max(MAX_REQUEST_TAGS).optional(),
  /** Present only when body logging is on for the key (the request log). */
  bodies: requestBodiesSchema.optional(),
});
export type UsageEventV1 = z.infer<typeof usageEventV1Schema>;
