import { createGoogleAdapter } from '../google/google-adapter.js';
import type { ProviderAdapter } from '../provider-adapter.js';
import { buildVertexEmbeddingsRequest } from './build-vertex-embeddings-request.js';
import { buildVertexUrl } from './build-vertex-url.js';
import { parseVertexEmbeddingsResponse } from './parse-vertex-embeddings-response.js';
import { parseVertexError } from './parse-vertex-error.js';

/**
 * Gemini on Vertex AI: the Gemini API's body and translation (the google adapter's) at the
 * project's `publishers/google/models/{model}:generateContent` (`:streamGenerateContent?alt=sse`),
 * without an API key (the signer adds the bearer token); embeddings through `:predict`.
 */
export function createVertexGeminiAdapter(): ProviderAdapter {
  const base = createGoogleAdapter();
  return {
    ...base,
    type: 'vertex',
    buildChatRequest(request, target) {
      const built = base.buildChatRequest(request, { ...target, apiKey: undefined });
      const method = request.stream === true ? 'streamGenerateContent' : 'generateContent';
      return { ...built, url: buildVertexUrl(target, 'google', method) };
    },
    embeddings: {
      buildRequest: buildVertexEmbeddingsRequest,
      parseResponse: parseVertexEmbeddingsResponse,
    },
    parseError: parseVertexError,
  };
}
