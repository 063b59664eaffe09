import type { ColumnType, Insertable, Selectable } from 'kysely';
import type { Defaulted, DefaultedTimestamp } from './column-types.js';
import type { JsonObject } from './json-value.js';

/** `catalog.catalog_versions`: every published snapshot (JSON) with the report of what changed. */
export interface CatalogVersionsTable {
  seq: ColumnType<string, never, never>;
  version: string;
  created_at: DefaultedTimestamp;
  snapshot: JsonObject;
  report: Defaulted<JsonObject>;
}

/** A catalog version row as read. */
export type CatalogVersion = Selectable<CatalogVersionsTable>;
/** A catalog version row to insert. */
export type NewCatalogVersion = Insertable<CatalogVersionsTable>;
