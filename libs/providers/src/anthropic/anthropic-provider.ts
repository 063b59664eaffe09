import type { ProviderDescriptor } from '../provider-descriptor.js';
import { createAnthropicAdapter } from './anthropic-adapter.js';
import { ANTHROPIC_DEFAULT_MODELS } from './anthropic-default-models.js';
import { anthropicModelList } from './anthropic-model-list.js';

/** Anthropic's Messages API. */
export const anthropicProvider = {
  type: 'anthropic',
  createAdapter: createAnthropicAdapter,
  defaultBaseUrl: 'https://api.anthropic.com/v1',
  env: { keyVariables: ['ANTHROPIC_API_KEY'], baseUrlVariable: 'ANTHROPIC_BASE_URL' },
  auth: { kind: 'api-key', required: true },
  defaultModels: ANTHROPIC_DEFAULT_MODELS,
  modelList: anthropicModelList,
  aggregator: false,
} as const satisfies ProviderDescriptor;
