import type { ProviderAdapter } from '../provider-adapter.js';
import { buildOpenAiEmbeddingsRequest } from './build-openai-embeddings-request.js';
import { buildOpenAiRequest } from './build-openai-request.js';
import { createOpenAiStreamTransformer } from './create-openai-stream-transformer.js';
import { parseOpenAiEmbeddingsResponse } from './parse-openai-embeddings-response.js';
import { parseOpenAiError } from './parse-openai-error.js';
import { parseOpenAiResponse } from './parse-openai-response.js';

/**
 * The adapter for any server speaking OpenAI's API (vLLM, Ollama, Groq, Together…): requests and
 * responses pass through with only the model name changed and usage read. Content parts'
 * `cache_control` marks are stripped (with a warning) and `provider` preferences are not sent,
 * unless the server reads OpenRouter's fields (`openRouterFields`: OpenRouter, whose conventions
 * they are).
 */
export function createOpenAiCompatibleAdapter(
  type = 'openai-compatible',
  options: { openRouterFields: boolean } = { openRouterFields: false },
): ProviderAdapter {
  const requestOptions = {
    provider: type,
    keepsCacheControl: options.openRouterFields,
    keepsProviderPreferences: options.openRouterFields,
  };
  return {
    type,
    requiresMaxTokens: false,
    buildChatRequest: (request, target, source) =>
      buildOpenAiRequest(request, target, requestOptions, source),
    parseChatResponse: parseOpenAiResponse,
    createChatStreamTransformer: createOpenAiStreamTransformer,
    embeddings: {
      buildRequest: buildOpenAiEmbeddingsRequest,
      parseResponse: parseOpenAiEmbeddingsResponse,
    },
    parseError: parseOpenAiError,
  };
}
