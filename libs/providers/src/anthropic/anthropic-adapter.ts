import type { ProviderAdapter } from '../provider-adapter.js';
import {
  ANTHROPIC_FORWARDED_HEADERS,
  buildAnthropicNativeRequest,
} from './build-anthropic-native-request.js';
import { buildAnthropicRequest } from './build-anthropic-request.js';
import { createAnthropicStreamTransformer } from './create-anthropic-stream-transformer.js';
import { createAnthropicUsageTap } from './create-anthropic-usage-tap.js';
import { parseAnthropicError } from './parse-anthropic-error.js';
import { parseAnthropicMessageUsage } from './parse-anthropic-message-usage.js';
import { parseAnthropicChatResponse } from './parse-anthropic-response.js';

/**
 * The adapter for Anthropic's Messages API: OpenAI chat requests translated to `/v1/messages`
 * and its messages, streams and errors translated back; `/v1/messages` itself passed through.
 * Anthropic requires `max_tokens` and has no embeddings API.
 */
export function createAnthropicAdapter(): ProviderAdapter {
  return {
    type: 'anthropic',
    requiresMaxTokens: true,
    buildChatRequest: buildAnthropicRequest,
    parseChatResponse: parseAnthropicChatResponse,
    createChatStreamTransformer: createAnthropicStreamTransformer,
    embeddings: undefined,
    nativeMessages: {
      forwardedHeaders: ANTHROPIC_FORWARDED_HEADERS,
      buildRequest: (request, target) => buildAnthropicNativeRequest(request, target, '/messages'),
      buildCountTokensRequest: (request, target) =>
        buildAnthropicNativeRequest(request, target, '/messages/count_tokens'),
      createUsageTap: createAnthropicUsageTap,
      parseUsage: parseAnthropicMessageUsage,
    },
    parseError: parseAnthropicError,
  };
}
