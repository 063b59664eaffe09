import type { RoutePricing } from '@switchyard/db';
import type { ListedModel } from '@switchyard/providers';

/** A model as a catalog source (OpenRouter's list) describes it, validated and normalised. */
export interface SourceModel {
  /** `provider/model`, without the `:free` suffix. */
  id: string;
  /** The id as the source lists it (with `:free` for a free variant): the upstream model name. */
  sourceId: string;
  name: string;
  kind: 'chat' | 'embedding';
  contextLength: number;
  maxOutputTokens: number | null;
  modalities: { input: string[]; output: string[] };
  supportedParameters: string[];
  pricing: RoutePricing;
  /** This entry is a `:free` variant. */
  freeVariant: boolean;
}

/** A model a provider's own list says it serves with our credentials (its descriptor's dialect). */
export type ProviderListedModel = ListedModel;
