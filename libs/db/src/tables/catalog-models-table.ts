import type { Insertable, Selectable, Updateable } from 'kysely';
import type {
  Defaulted,
  DefaultedTimestamp,
  NullableColumn,
  NullableTimestamp,
} from './column-types.js';
import type { JsonObject } from './json-value.js';

/** Input and output modalities of a model (`text`, `image`, `audio`, …). */
export interface ModelModalities {
  input: string[];
  output: string[];
}

/**
 * `catalog.models`: a model as the last sync merged it from its sources, plus what the admin
 * API set (`enabled`, `overrides`: name, context and price overrides that win over every source).
 */
export interface CatalogModelsTable {
  /** `provider/model`. */
  id: string;
  name: string;
  kind: 'chat' | 'embedding';
  context_length: number;
  max_output_tokens: NullableColumn<number>;
  modalities: Defaulted<ModelModalities>;
  supported_parameters: Defaulted<string[]>;
  free: Defaulted<boolean>;
  enabled: Defaulted<boolean>;
  source: 'config' | 'openrouter' | 'provider';
  overrides: Defaulted<JsonObject>;
  retired_at: NullableTimestamp;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

/** A model row as read. */
export type CatalogModel = Selectable<CatalogModelsTable>;
/** A model row to insert. */
export type NewCatalogModel = Insertable<CatalogModelsTable>;
/** Changes to a model row. */
export type CatalogModelUpdate = Updateable<CatalogModelsTable>;
