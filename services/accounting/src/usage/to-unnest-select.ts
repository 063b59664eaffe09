import type { NewRequestBodiesRow, NewUsageEventRow } from '@switchyard/db';
import { type RawBuilder, sql } from 'kysely';

/** A column written through `unnest`, with its Postgres type for the array cast. */
type UnnestColumn<Row> = readonly [column: keyof Row & string, type: string];

/** Every ledger column written from an event, with its Postgres type for the array cast. */
export const LEDGER_COLUMNS = [
  ['request_id', 'text'],
  ['client_request_id', 'text'],
  ['started_at', 'timestamptz'],
  ['finished_at', 'timestamptz'],
  ['key_id', 'uuid'],
  ['team_id', 'uuid'],
  ['endpoint', 'text'],
  ['requested_model', 'text'],
  ['model', 'text'],
  ['provider', 'text'],
  ['upstream_model', 'text'],
  ['credential_id', 'text'],
  ['stream', 'boolean'],
  ['status', 'smallint'],
  ['error_code', 'text'],
  ['error_message', 'text'],
  ['prompt_tokens', 'bigint'],
  ['completion_tokens', 'bigint'],
  ['cached_tokens', 'bigint'],
  ['reasoning_tokens', 'bigint'],
  ['usage_source', 'text'],
  ['cost_usd', 'numeric'],
  ['cost_source', 'text'],
  ['price_version', 'text'],
  ['latency_ms', 'integer'],
  ['ttft_ms', 'integer'],
  ['attempts', 'smallint'],
  ['fallback_used', 'boolean'],
  ['extra', 'jsonb'],
  ['end_user', 'text'],
  ['tags', 'jsonb'],
] as const satisfies ReadonlyArray<UnnestColumn<NewUsageEventRow>>;

/** Every request log column, with its Postgres type for the array cast. */
export const REQUEST_BODY_COLUMNS = [
  ['request_id', 'text'],
  ['finished_at', 'timestamptz'],
  ['request_body', 'text'],
  ['request_truncated', 'boolean'],
  ['response_body', 'text'],
  ['response_truncated', 'boolean'],
] as const satisfies ReadonlyArray<UnnestColumn<NewRequestBodiesRow>>;

/**
 * `select * from unnest($1::text[], $2::timestamptz[], …) as unnested(request_id, …)`: the rows as
 * one array parameter per column. One parameter per column however many rows, instead of one
 * per value: far less for the driver to bind and the server to parse, and no limit of 65,535
 * parameters.
 */
export function toUnnestSelect<Row>(
  columns: ReadonlyArray<UnnestColumn<Row>>,
  rows: readonly Row[],
): RawBuilder<unknown> {
  const arrays = columns.map(([column, type]) => {
    const values = rows.map((row) => {
      const value = row[column];
      // jsonb travels as JSON text; an array of objects would be bound as a Postgres array.
      return type === 'jsonb' ? JSON.stringify(value ?? {}) : (value ?? null);
    });
    return sql`${values}::${sql.raw(type)}[]`;
  });
  const names = columns.map(([column]) => sql.id(column));
  return sql`select * from unnest(${sql.join(arrays)}) as unnested(${sql.join(names)})`;
}
