import { createOpenAiCompatibleAdapter } from '../openai-compatible/openai-compatible-adapter.js';
import { openAiModelList } from '../openai-compatible/openai-model-list.js';
import type { ProviderDescriptor } from '../provider-descriptor.js';
import { buildResponsesRequest } from '../responses-ingress/build-responses-request.js';
import { OPENAI_DEFAULT_MODELS } from './openai-default-models.js';

/**
 * OpenAI's own API: the OpenAI-compatible adapter, with OpenAI's URL, variables and price list,
 * and `/v1/responses` served natively.
 */
export const openAiProvider = {
  type: 'openai',
  createAdapter: () => ({
    ...createOpenAiCompatibleAdapter('openai'),
    responses: { buildRequest: buildResponsesRequest },
  }),
  defaultBaseUrl: 'https://api.openai.com/v1',
  env: { keyVariables: ['OPENAI_API_KEY'], baseUrlVariable: 'OPENAI_BASE_URL' },
  auth: { kind: 'api-key', required: true },
  defaultModels: OPENAI_DEFAULT_MODELS,
  modelList: openAiModelList,
  aggregator: false,
} as const satisfies ProviderDescriptor;
