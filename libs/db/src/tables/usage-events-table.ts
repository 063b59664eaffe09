import type { ColumnType, Insertable, Selectable } from 'kysely';
import type { DefaultedTimestamp, NullableColumn } from './column-types.js';
import type { JsonObject } from './json-value.js';

/** A `bigint` column: read as a decimal string (it may not fit a number), written as either. */
export type BigintColumn = ColumnType<string, string | number | bigint, string | number | bigint>;

/** A `numeric` column holding exact USD: read and written as a decimal string. */
export type NullableUsdColumn = ColumnType<string | null, string | null | undefined, string | null>;

/**
 * `accounting.usage_events`: the usage ledger, one row per request (usage event v1), keyed by
 * the gateway's request id so a redelivered event is stored once. No foreign keys: rows outlive keys and teams.
 */
export interface UsageEventsTable {
  /** The gateway's own id of the request, unique per request. */
  request_id: string;
  /** The caller's `x-request-id` (it may reuse it); null when it sent none, or before it was kept. */
  client_request_id: NullableColumn<string>;
  started_at: ColumnType<Date, Date | string, never>;
  /** When the request ended; lists, filters and daily rollups go by this time. */
  finished_at: ColumnType<Date, Date | string, never>;
  /** When accounting stored the row. */
  received_at: DefaultedTimestamp;
  /** null for the master key. */
  key_id: NullableColumn<string>;
  team_id: NullableColumn<string>;
  endpoint: string;
  requested_model: string;
  model: string;
  /** Empty when no upstream answered. */
  provider: string;
  upstream_model: string;
  credential_id: NullableColumn<string>;
  stream: boolean;
  status: number;
  error_code: NullableColumn<string>;
  /** The error's message as the client saw it (credentials redacted); searchable. */
  error_message: NullableColumn<string>;
  prompt_tokens: BigintColumn;
  completion_tokens: BigintColumn;
  cached_tokens: BigintColumn;
  reasoning_tokens: BigintColumn;
  usage_source: string;
  /** Exact USD, `numeric(30, 18)`; null when nothing is billable or no price is known. */
  cost_usd: NullableUsdColumn;
  cost_source: NullableColumn<string>;
  price_version: NullableColumn<string>;
  latency_ms: number;
  ttft_ms: NullableColumn<number>;
  attempts: number;
  fallback_used: boolean;
  /** Fields of a newer v1 producer this table has no column for. */
  extra: ColumnType<JsonObject, JsonObject | undefined, JsonObject>;
  /** The end user the caller attributed the request to; null when none. */
  end_user: NullableColumn<string>;
  /** Up to 10 `key` or `key:value` tags, a jsonb array (`[]` when none). */
  tags: ColumnType<string[], string[] | undefined, string[]>;
}

/** A ledger row as read. */
export type UsageEventRow = Selectable<UsageEventsTable>;
/** A ledger row to insert. */
export type NewUsageEventRow = Insertable<UsageEventsTable>;
