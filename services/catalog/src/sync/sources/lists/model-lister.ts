import type { ProviderListedModel } from '../../source-model.js';
import type { FetchJsonOptions } from '../fetch-json.js';

/** Where and as whom to ask a provider which models it serves. */
export interface ModelListTarget {
  name: string;
  baseUrl: string;
  /** Undefined for servers that need no key. */
  apiKey: string | undefined;
  headers: Readonly<Record<string, string>>;
}

/**
 * Lists the models one provider type serves (`GET {baseUrl}/models` in that provider's dialect),
 * following its pagination. Throws a `SourceError` when the list cannot be read.
 */
export type ModelLister = (
  target: ModelListTarget,
  options: FetchJsonOptions,
) => Promise<ProviderListedModel[]>;
