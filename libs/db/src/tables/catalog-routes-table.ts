import type { Insertable, Selectable } from 'kysely';
import type { Defaulted, DefaultedTimestamp } from './column-types.js';

/** A route's price as its source gave it: exact decimal strings, null where there is no charge. */
export interface RoutePricing {
  prompt: string;
  completion: string;
  cached_prompt: string | null;
  cache_write: string | null;
  /** The 1-hour cache-write rate; absent or null bills 1-hour writes at `cache_write`. */
  cache_write_1h?: string | null;
  reasoning: string | null;
  per_request: string | null;
  per_image: string | null;
}

/** `catalog.routes`: a model served by a provider under an upstream name; lower priority first. */
export interface CatalogRoutesTable {
  model_id: string;
  provider: string;
  upstream_model: string;
  priority: Defaulted<number>;
  /** The source's price, USD per token as decimal strings; see `catalog.prices` for history. */
  pricing: RoutePricing;
  source: string;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

/** A route row as read. */
export type CatalogRoute = Selectable<CatalogRoutesTable>;
/** A route row to insert. */
export type NewCatalogRoute = Insertable<CatalogRoutesTable>;
