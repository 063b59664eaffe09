import { createAnthropicAdapter } from './anthropic/anthropic-adapter.js';
import { createGoogleAdapter } from './google/google-adapter.js';
import { createOpenAiCompatibleAdapter } from './openai-compatible/openai-compatible-adapter.js';
import { createOpenRouterAdapter } from './openrouter/openrouter-adapter.js';
import type { ProviderAdapter } from './provider-adapter.js';

/** One adapter per provider type of `PROVIDER_TYPES` (libs/config). */
const ADAPTERS: ReadonlyMap<string, ProviderAdapter> = new Map([
  ['anthropic', createAnthropicAdapter()],
  ['google', createGoogleAdapter()],
  ['openai', createOpenAiCompatibleAdapter('openai')],
  ['openai-compatible', createOpenAiCompatibleAdapter('openai-compatible')],
  ['openrouter', createOpenRouterAdapter()],
]);

/** The adapter for a provider type, or undefined when this build has none. */
export function adapterFor(providerType: string): ProviderAdapter | undefined {
  return ADAPTERS.get(providerType);
}
