import type { Insertable, Selectable } from 'kysely';
import type { DefaultedTimestamp } from './column-types.js';

/** `catalog.aliases`: another id that resolves to a model. */
export interface CatalogAliasesTable {
  alias: string;
  model_id: string;
  created_at: DefaultedTimestamp;
}

/** An alias row as read. */
export type CatalogAlias = Selectable<CatalogAliasesTable>;
/** An alias row to insert. */
export type NewCatalogAlias = Insertable<CatalogAliasesTable>;
