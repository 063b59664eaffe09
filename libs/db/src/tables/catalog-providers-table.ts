import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Defaulted, DefaultedTimestamp } from './column-types.js';

/** `catalog.providers`: an upstream API by name; `source` says whether config or the admin API made it. */
export interface CatalogProvidersTable {
  name: string;
  /** A libs/config `ProviderType`. */
  type: string;
  base_url: string;
  enabled: Defaulted<boolean>;
  source: 'config' | 'admin';
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

/** A provider row as read. */
export type CatalogProvider = Selectable<CatalogProvidersTable>;
/** A provider row to insert. */
export type NewCatalogProvider = Insertable<CatalogProvidersTable>;
/** Changes to a provider row. */
export type CatalogProviderUpdate = Updateable<CatalogProvidersTable>;
