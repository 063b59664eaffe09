import type { ProviderDescriptor } from '../provider-descriptor.js';
import { createOpenAiCompatibleAdapter } from './openai-compatible-adapter.js';
import { openAiModelList } from './openai-model-list.js';

/**
 * Any server speaking OpenAI's API (vLLM, Ollama, Groq, Together…): YAML only, a base URL of its
 * own, a key when the server wants one, and whatever models it lists.
 */
export const openAiCompatibleProvider = {
  type: 'openai-compatible',
  createAdapter: () => createOpenAiCompatibleAdapter('openai-compatible'),
  defaultBaseUrl: undefined,
  env: undefined,
  auth: { kind: 'api-key', required: false },
  defaultModels: { chat: [], embedding: [] },
  modelList: openAiModelList,
  aggregator: false,
} as const satisfies ProviderDescriptor;
