import type { FakeAnthropicInputUsage } from './build-anthropic-usage.js';
import type { AnthropicReply } from './plan-anthropic-reply.js';

/** Fields every event of one fake message shares. */
export interface MessageMeta {
  readonly id: string;
  readonly model: string;
}

/** A full Anthropic `usage` object, as in a message or `message_start`. */
export function messageUsage(
  input: FakeAnthropicInputUsage,
  outputTokens: number,
): Record<string, unknown> {
  const { written1h, ...counts } = input;
  return {
    ...counts,
    cache_creation: {
      ephemeral_5m_input_tokens: input.cache_creation_input_tokens - written1h,
      ephemeral_1h_input_tokens: written1h,
    },
    output_tokens: outputTokens,
    service_tier: 'standard',
  };
}

/** The non-streaming `message` object, as Anthropic sends it. */
export function buildAnthropicMessage(
  meta: MessageMeta,
  reply: AnthropicReply,
  input: FakeAnthropicInputUsage,
): Record<string, unknown> {
  return {
    model: meta.model,
    id: meta.id,
    type: 'message',
    role: 'assistant',
    content: reply.content,
    stop_reason: reply.stopReason,
    stop_sequence: null,
    usage: messageUsage(input, reply.outputTokens),
  };
}
