import type { RoutePricing } from '@switchyard/db';

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

/** A model a provider's own list says it serves with our credentials. */
export interface ProviderListedModel {
  /** The provider's name for it, as sent upstream (`gpt-4o`, `gemini-2.0-flash`). */
  upstreamModel: string;
  contextLength: number | null;
  maxOutputTokens: number | null;
}
