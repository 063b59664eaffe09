import { answerWords, PROMPT_TOKENS } from './answer-words.js';

/** The model name the upstream's Anthropic endpoint reports; Switchyard's `fake/claude` maps to it. */
export const ANTHROPIC_UPSTREAM_MODEL = 'claude-bench';

/** The pre-serialized Anthropic Messages bodies the fast upstream answers with, built once. */
export interface AnthropicReplies {
  /** A `message` JSON body with usage. */
  readonly message: Buffer;
  /** Every SSE event of a streamed message, each `event: …\ndata: …\n\n`, in order. */
  readonly streamEvents: readonly string[];
}

const MESSAGE_ID = 'msg_bench';

/**
 * Builds replies in Anthropic's wire format (as recorded in the providers' `stream-text.sse`):
 * message_start, content_block_start, ping, one text_delta per word (the same words as the OpenAI
 * stream), content_block_stop, message_delta with `end_turn` and usage, message_stop.
 */
export function buildAnthropicReplies(chunks: number): AnthropicReplies {
  const words = answerWords(chunks);
  const cacheFields = { cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };
  const startUsage = {
    input_tokens: PROMPT_TOKENS,
    ...cacheFields,
    cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
    output_tokens: 1,
    service_tier: 'standard',
  };
  const message = {
    model: ANTHROPIC_UPSTREAM_MODEL,
    id: MESSAGE_ID,
    type: 'message',
    role: 'assistant',
    content: [{ type: 'text', text: words.join('') }],
    stop_reason: 'end_turn',
    stop_sequence: null,
    usage: { ...startUsage, output_tokens: chunks },
  };
  const event = (data: { type: string } & Record<string, unknown>) =>
    `event: ${data.type}\ndata: ${JSON.stringify(data)}\n\n`;
  return {
    message: Buffer.from(JSON.stringify(message)),
    streamEvents: [
      event({
        type: 'message_start',
        message: {
          ...message,
          content: [],
          stop_reason: null,
          usage: startUsage,
        },
      }),
      event({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }),
      event({ type: 'ping' }),
      ...words.map((word) =>
        event({
          type: 'content_block_delta',
          index: 0,
          delta: { type: 'text_delta', text: word },
        }),
      ),
      event({ type: 'content_block_stop', index: 0 }),
      event({
        type: 'message_delta',
        delta: { stop_reason: 'end_turn', stop_sequence: null },
        usage: { input_tokens: PROMPT_TOKENS, ...cacheFields, output_tokens: chunks },
      }),
      event({ type: 'message_stop' }),
    ],
  };
}
