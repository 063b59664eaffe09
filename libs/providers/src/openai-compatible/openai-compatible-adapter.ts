import type { ProviderAdapter } from '../provider-adapter.js';
import { buildOpenAiEmbeddingsRequest } from './build-openai-embeddings-request.js';
import { buildOpenAiRequest } from './build-openai-request.js';
import { createOpenAiStreamTransformer } from './create-openai-stream-transformer.js';
import { parseOpenAiEmbeddingsResponse } from './parse-openai-embeddings-response.js';
import { parseOpenAiError } from './parse-openai-error.js';
import { parseOpenAiResponse } from './parse-openai-response.js';

/**
 * The adapter for any server speaking OpenAI's API (vLLM, Ollama, Groq, Together…): requests and
 * responses pass through with only the model name changed and usage read.
 */
export function createOpenAiCompatibleAdapter(type = 'openai-compatible'): ProviderAdapter {
  return {
    type,
    requiresMaxTokens: false,
    buildChatRequest: buildOpenAiRequest,
    parseChatResponse: parseOpenAiResponse,
    createChatStreamTransformer: createOpenAiStreamTransformer,
    embeddings: {
      buildRequest: buildOpenAiEmbeddingsRequest,
      parseResponse: parseOpenAiEmbeddingsResponse,
    },
    parseError: parseOpenAiError,
  };
}
