import { anthropicProvider } from './anthropic/anthropic-provider.js';
import { azureProvider } from './azure/azure-provider.js';
import { bedrockProvider } from './bedrock/bedrock-provider.js';
import { googleProvider } from './google/google-provider.js';
import { openAiProvider } from './openai/openai-provider.js';
import { openAiCompatibleProvider } from './openai-compatible/openai-compatible-provider.js';
import { openRouterProvider } from './openrouter/openrouter-provider.js';
import { vertexProvider } from './vertex/vertex-provider.js';

/**
 * Every provider type this build speaks, one line each; adding a provider is its folder plus a
 * line here (docs/architecture.md, "Adding a provider"). The order is the order configuration
 * errors list the types in.
 */
export const PROVIDER_DESCRIPTORS = [
  openAiProvider,
  openAiCompatibleProvider,
  openRouterProvider,
  anthropicProvider,
  googleProvider,
  bedrockProvider,
  azureProvider,
  vertexProvider,
] as const;
