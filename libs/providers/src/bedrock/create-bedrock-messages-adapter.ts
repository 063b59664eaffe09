import { createAnthropicUsageTap } from '../anthropic/create-anthropic-usage-tap.js';
import { parseAnthropicMessageUsage } from '../anthropic/parse-anthropic-message-usage.js';
import type { NativeMessagesAdapter } from '../native-messages-adapter.js';
import {
  BEDROCK_MESSAGES_FORWARDED_HEADERS,
  buildBedrockMessagesRequest,
} from './build-bedrock-messages-request.js';
import { createBedrockMessagesStreamDecoder } from './create-bedrock-messages-stream-decoder.js';
import { isBedrockClaudeModel } from './is-bedrock-claude-model.js';

/**
 * `/v1/messages` passed through to Claude on Bedrock (`invoke` / `invoke-with-response-stream`),
 * so prompt caching, thinking and betas reach the model as the caller wrote them. Other Bedrock
 * models are translated through Converse. The answer is Anthropic's message JSON as is; the
 * stream's event-stream frames are unwrapped into Anthropic's SSE, whose usage Anthropic's tap
 * reads. Bedrock's CountTokens is not used: `count_tokens` is estimated.
 */
export function createBedrockMessagesAdapter(): NativeMessagesAdapter {
  return {
    forwardedHeaders: BEDROCK_MESSAGES_FORWARDED_HEADERS,
    servesModel: isBedrockClaudeModel,
    buildRequest: buildBedrockMessagesRequest,
    createStreamDecoder: createBedrockMessagesStreamDecoder,
    createUsageTap: createAnthropicUsageTap,
    parseUsage: parseAnthropicMessageUsage,
  };
}
