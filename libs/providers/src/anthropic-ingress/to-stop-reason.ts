/** Anthropic's `stop_reason` values this layer can produce. */
export type StopReason = 'end_turn' | 'max_tokens' | 'tool_use' | 'refusal';

/** What the finished message contained, for finish reasons that do not say it. */
export interface StopContext {
  hasToolUse: boolean;
  refused: boolean;
}

/**
 * OpenAI's `finish_reason` as Anthropic's `stop_reason`. OpenAI does not say which stop sequence
 * matched, so `stop` is always `end_turn`; some servers finish tool calls with `stop`, and
 * Anthropic clients loop on `tool_use`, so a message with tool calls stops with `tool_use`.
 */
export function toStopReason(
  finishReason: string | null | undefined,
  context: StopContext,
): StopReason {
  switch (finishReason) {
    case 'length':
      return 'max_tokens';
    case 'tool_calls':
    case 'function_call':
      return 'tool_use';
    case 'content_filter':
      return 'refusal';
    default:
      if (context.hasToolUse) return 'tool_use';
      return context.refused ? 'refusal' : 'end_turn';
  }
}
