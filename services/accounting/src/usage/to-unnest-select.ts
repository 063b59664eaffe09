import type { NewUsageEventRow } from '@switchyard/db';
import { type RawBuilder, sql } from 'kysely';

/** Every ledger column written from an event, with its Postgres type for the array cast. */
export const LEDGER_COLUMNS = [
  ['request_id', 'text'],
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
] as const satisfies ReadonlyArray<readonly [keyof NewUsageEventRow, string]>;

/**
 * `select * from unnest($1::text[], $2::timestamptz[], …)`: the rows as one array parameter per
 * column. A statement of 27 parameters, however many rows, instead of 27 per row: far less for
 * the driver to bind and the server to parse, and no limit of 65,535 parameters.
 */
export function toUnnestSelect(rows: readonly NewUsageEventRow[]): RawBuilder<unknown> {
  const arrays = LEDGER_COLUMNS.map(([column, type]) => {
    const values = rows.map((row) => {
      const value = row[column];
      // jsonb travels as JSON text; an array of objects would be bound as a Postgres array.
      return column === 'extra' ? JSON.stringify(value ?? {}) : (value ?? null);
    });
    return sql`${values}::${sql.raw(type)}[]`;
  });
  return sql`select * from unnest(${sql.join(arrays)})`;
}
