import type { ProviderAdapter } from '../provider-adapter.js';
import { createVertexAnthropicAdapter } from './create-vertex-anthropic-adapter.js';
import { createVertexGeminiAdapter } from './create-vertex-gemini-adapter.js';
import { createVertexMessagesAdapter } from './create-vertex-messages-adapter.js';
import { parseVertexError } from './parse-vertex-error.js';
import { vertexPublisherOf } from './vertex-publisher-of.js';

/**
 * Google Vertex AI: each call goes to the publisher of its upstream model, Claude models
 * (`claude-…`) through Anthropic's translation, the others (Gemini, text-embedding) through
 * Gemini's; `/v1/messages` to a Claude model passes through in Anthropic's own format.
 * Anthropic models require `max_tokens`; the gateway fills it in for every Vertex model.
 */
export function createVertexAdapter(): ProviderAdapter {
  const gemini = createVertexGeminiAdapter();
  const claude = createVertexAnthropicAdapter();
  const forModel = (upstreamModel: string): ProviderAdapter =>
    vertexPublisherOf(upstreamModel) === 'anthropic' ? claude : gemini;
  return {
    type: 'vertex',
    requiresMaxTokens: true,
    buildChatRequest: (request, target) =>
      forModel(target.upstreamModel).buildChatRequest(request, target),
    parseChatResponse: (body, context) =>
      forModel(context.upstreamModel).parseChatResponse(body, context),
    createChatStreamTransformer: (options) =>
      forModel(options.upstreamModel).createChatStreamTransformer(options),
    embeddings: gemini.embeddings,
    nativeMessages: createVertexMessagesAdapter(),
    parseError: parseVertexError,
  };
}
