import { listAnthropicModels } from './list-anthropic-models.js';
import { listGoogleModels } from './list-google-models.js';
import { listOpenAiModels } from './list-openai-models.js';
import type { ModelLister } from './model-lister.js';

// Provider knowledge of the catalog side: how each provider type lists its models. (The pure
// request adapters in libs/providers do no I/O and have no model-list call.)
const listers: Readonly<Record<string, ModelLister>> = {
  openai: listOpenAiModels,
  'openai-compatible': listOpenAiModels,
  openrouter: listOpenAiModels,
  anthropic: listAnthropicModels,
  google: listGoogleModels,
};

/** The model lister of a provider type; undefined for a type that has none. */
export function modelListerFor(type: string): ModelLister | undefined {
  return listers[type];
}
