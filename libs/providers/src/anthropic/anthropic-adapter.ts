import type { ProviderAdapter } from '../provider-adapter.js';
import { buildAnthropicRequest } from './build-anthropic-request.js';
import { createAnthropicStreamTransformer } from './create-anthropic-stream-transformer.js';
import { parseAnthropicError } from './parse-anthropic-error.js';
import { parseAnthropicChatResponse } from './parse-anthropic-response.js';

/**
 * The adapter for Anthropic's Messages API: OpenAI chat requests translated to `/v1/messages`
 * and its messages, streams and errors translated back. Anthropic requires `max_tokens` and has
 * no embeddings API.
 */
export function createAnthropicAdapter(): ProviderAdapter {
  return {
    type: 'anthropic',
    requiresMaxTokens: true,
    buildChatRequest: buildAnthropicRequest,
    parseChatResponse: parseAnthropicChatResponse,
    createChatStreamTransformer: createAnthropicStreamTransformer,
    embeddings: undefined,
    parseError: parseAnthropicError,
  };
}
