import type { ProviderAdapter } from '../provider-adapter.js';
import { buildOpenAiChatRequest, buildOpenAiEmbeddingsRequest } from './build-openai-request.js';
import { createOpenAiStreamTransformer } from './create-openai-stream-transformer.js';
import { parseOpenAiError } from './parse-openai-error.js';
import { parseOpenAiChatResponse, parseOpenAiEmbeddingsResponse } from './parse-openai-response.js';

/**
 * The adapter for any server speaking OpenAI's API (vLLM, Ollama, Groq, Together…): requests and
 * responses pass through with only the model name changed and usage read.
 */
export function createOpenAiCompatibleAdapter(type = 'openai-compatible'): ProviderAdapter {
  return {
    type,
    requiresMaxTokens: false,
    buildChatRequest: buildOpenAiChatRequest,
    parseChatResponse: parseOpenAiChatResponse,
    createChatStreamTransformer: createOpenAiStreamTransformer,
    embeddings: {
      buildRequest: buildOpenAiEmbeddingsRequest,
      parseResponse: parseOpenAiEmbeddingsResponse,
    },
    parseError: parseOpenAiError,
  };
}
