import type { ColumnType, Insertable, Selectable } from 'kysely';
import type { NullableColumn } from './column-types.js';

/**
 * `accounting.request_bodies`: the request and response bodies of ledger rows whose key had
 * body logging on, keyed by request id (a redelivered event is stored once). Capped and
 * credential-redacted by the gateway; pruned on a retention of its own.
 */
export interface RequestBodiesTable {
  request_id: string;
  /** The ledger row's `finished_at`: retention goes by it. */
  finished_at: ColumnType<Date, Date | string, never>;
  request_body: string;
  /** The body was longer than the gateway's cap and was cut. */
  request_truncated: boolean;
  /** null when no upstream answered. */
  response_body: NullableColumn<string>;
  response_truncated: boolean;
}

/** A request log row as read. */
export type RequestBodiesRow = Selectable<RequestBodiesTable>;
/** A request log row to insert. */
export type NewRequestBodiesRow = Insertable<RequestBodiesTable>;
