import type { ProviderAdapter } from '../provider-adapter.js';
import { buildGoogleEmbeddingsRequest } from './build-google-embeddings-request.js';
import { buildGoogleRequest } from './build-google-request.js';
import { createGoogleStreamTransformer } from './create-google-stream-transformer.js';
import { parseGoogleEmbeddingsResponse } from './parse-google-embeddings-response.js';
import { parseGoogleError } from './parse-google-error.js';
import { parseGoogleResponse } from './parse-google-response.js';

/**
 * The adapter for Google's Gemini API (`generateContent`, `streamGenerateContent?alt=sse`,
 * `batchEmbedContents`, key in `x-goog-api-key`); the provider's base URL ends in the API
 * version, e.g. `https://generativelanguage.googleapis.com/v1beta`.
 */
export function createGoogleAdapter(): ProviderAdapter {
  return {
    type: 'google',
    requiresMaxTokens: false,
    buildChatRequest: buildGoogleRequest,
    parseChatResponse: parseGoogleResponse,
    createChatStreamTransformer: createGoogleStreamTransformer,
    embeddings: {
      buildRequest: buildGoogleEmbeddingsRequest,
      parseResponse: (body, context) => parseGoogleEmbeddingsResponse(body, context),
    },
    parseError: parseGoogleError,
  };
}
