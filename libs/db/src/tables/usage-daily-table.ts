import type { ColumnType, Selectable } from 'kysely';
import type { DefaultedTimestamp, NullableColumn } from './column-types.js';
import type { BigintColumn } from './usage-events-table.js';

/**
 * `accounting.usage_daily`: totals per UTC day (of `finished_at`), team, key, model and
 * provider, unique on that group (null team/key, the master key's, group together). Kept
 * current by the usage consumer in the transaction that inserts the ledger rows.
 */
export interface UsageDailyTable {
  day: ColumnType<string, string, never>;
  team_id: NullableColumn<string>;
  key_id: NullableColumn<string>;
  model: string;
  provider: string;
  requests: BigintColumn;
  /** Requests that ended with status ≥ 400. */
  errors: BigintColumn;
  prompt_tokens: BigintColumn;
  completion_tokens: BigintColumn;
  cached_tokens: BigintColumn;
  reasoning_tokens: BigintColumn;
  /** Exact USD, `numeric(38, 18)`, as a decimal string. */
  cost_usd: ColumnType<string, string, string>;
  latency_ms_total: BigintColumn;
  ttft_ms_total: BigintColumn;
  /** Requests that reported a time to first token (the denominator of its average). */
  ttft_count: BigintColumn;
  updated_at: DefaultedTimestamp;
}

/** A rollup row as read. */
export type UsageDailyRow = Selectable<UsageDailyTable>;
