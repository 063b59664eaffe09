import { openAiModelList } from '../openai-compatible/openai-model-list.js';
import type { ProviderDescriptor } from '../provider-descriptor.js';
import { createOpenRouterAdapter } from './openrouter-adapter.js';

/**
 * OpenRouter: OpenAI's API in front of many providers' models. No default models (its models
 * come from the YAML or the catalog sync, and `openrouter/auto` has no fixed price).
 */
export const openRouterProvider = {
  type: 'openrouter',
  createAdapter: createOpenRouterAdapter,
  defaultBaseUrl: 'https://openrouter.ai/api/v1',
  env: { keyVariables: ['OPENROUTER_API_KEY'], baseUrlVariable: 'OPENROUTER_BASE_URL' },
  auth: { kind: 'api-key', required: true },
  defaultModels: { chat: [], embedding: [] },
  modelList: openAiModelList,
  aggregator: true,
} as const satisfies ProviderDescriptor;
