import type { ColumnType, Insertable, Selectable } from 'kysely';
import type { DefaultedTimestamp } from './column-types.js';

/** A `numeric` column: read as an exact decimal string, written as one. */
type Numeric = ColumnType<string, string, never>;
/** A nullable `numeric` column. */
type NullableNumeric = ColumnType<string | null, string | null | undefined, never>;

/**
 * `catalog.prices`: every price a route ever had, USD per token (per request, per image) as
 * `numeric`. A change is a new row with a later `effective_from`; rows are never updated.
 */
export interface CatalogPricesTable {
  id: ColumnType<string, never, never>;
  model_id: string;
  provider: string;
  upstream_model: string;
  prompt: Numeric;
  completion: Numeric;
  cached_prompt: NullableNumeric;
  cache_write: NullableNumeric;
  /** The 1-hour cache-write rate; null bills 1-hour writes at `cache_write`. */
  cache_write_1h: NullableNumeric;
  reasoning: NullableNumeric;
  per_request: NullableNumeric;
  per_image: NullableNumeric;
  source: string;
  effective_from: ColumnType<Date, Date | string, never>;
  created_at: DefaultedTimestamp;
}

/** A price row as read. */
export type CatalogPrice = Selectable<CatalogPricesTable>;
/** A price row to insert. */
export type NewCatalogPrice = Insertable<CatalogPricesTable>;
