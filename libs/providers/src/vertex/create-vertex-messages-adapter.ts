import { createAnthropicUsageTap } from '../anthropic/create-anthropic-usage-tap.js';
import { parseAnthropicMessageUsage } from '../anthropic/parse-anthropic-message-usage.js';
import type { NativeMessagesAdapter } from '../native-messages-adapter.js';
import {
  buildVertexMessagesRequest,
  VERTEX_MESSAGES_FORWARDED_HEADERS,
} from './build-vertex-messages-request.js';
import { vertexPublisherOf } from './vertex-publisher-of.js';

/**
 * `/v1/messages` passed through to Claude on Vertex AI (`:rawPredict` / `:streamRawPredict`), so
 * prompt caching, thinking and betas reach the model as the caller wrote them; Gemini models are
 * translated. Vertex streams Anthropic's own SSE, relayed byte for byte. `count_tokens` is
 * estimated.
 */
export function createVertexMessagesAdapter(): NativeMessagesAdapter {
  return {
    forwardedHeaders: VERTEX_MESSAGES_FORWARDED_HEADERS,
    servesModel: (upstreamModel) => vertexPublisherOf(upstreamModel) === 'anthropic',
    buildRequest: buildVertexMessagesRequest,
    createUsageTap: createAnthropicUsageTap,
    parseUsage: parseAnthropicMessageUsage,
  };
}
