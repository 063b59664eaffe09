import type { ProviderAdapter } from '../provider-adapter.js';
import { buildBedrockEmbeddingsRequest } from './build-bedrock-embeddings-request.js';
import { buildBedrockRequest } from './build-bedrock-request.js';
import { createBedrockMessagesAdapter } from './create-bedrock-messages-adapter.js';
import { createBedrockStreamTransformer } from './create-bedrock-stream-transformer.js';
import { parseBedrockEmbeddingsResponse } from './parse-bedrock-embeddings-response.js';
import { parseBedrockError } from './parse-bedrock-error.js';
import { parseBedrockResponse } from './parse-bedrock-response.js';

/**
 * The adapter for Amazon Bedrock's Converse API, which speaks one format for every model family
 * on Bedrock: OpenAI chat requests translated to `converse` / `converse-stream` and its answers,
 * event streams and exceptions translated back. Requests leave unsigned; the provider's SigV4
 * signer (`auth.kind: 'sigv4'`) signs them. Embeddings go through `invoke` in the Titan or
 * Cohere body. `/v1/messages` to a Claude model passes through `invoke` in Anthropic's own format.
 */
export function createBedrockAdapter(): ProviderAdapter {
  return {
    type: 'bedrock',
    requiresMaxTokens: false,
    buildChatRequest: buildBedrockRequest,
    parseChatResponse: parseBedrockResponse,
    createChatStreamTransformer: createBedrockStreamTransformer,
    embeddings: {
      buildRequest: buildBedrockEmbeddingsRequest,
      parseResponse: parseBedrockEmbeddingsResponse,
    },
    nativeMessages: createBedrockMessagesAdapter(),
    parseError: parseBedrockError,
  };
}
