import { mapReason } from '../shared/map-reason.js';

/** Anthropic's `stop_reason` values this layer can produce. */
export type StopReason = 'end_turn' | 'max_tokens' | 'tool_use' | 'refusal';

/** What the finished message contained, for finish reasons that do not say it. */
export interface StopContext {
  hasToolUse: boolean;
  refused: boolean;
}

/** OpenAI `finish_reason` → Anthropic `stop_reason`, where the reason says it. */
const STOP_REASONS: ReadonlyMap<string, StopReason> = new Map([
  ['length', 'max_tokens'],
  ['tool_calls', 'tool_use'],
  ['function_call', 'tool_use'],
  ['content_filter', 'refusal'],
]);

/**
 * OpenAI's `finish_reason` as Anthropic's `stop_reason`. OpenAI does not say which stop sequence
 * matched, so `stop` is always `end_turn`; some servers finish tool calls with `stop`, and
 * Anthropic clients loop on `tool_use`, so a message with tool calls stops with `tool_use`.
 */
export function toStopReason(
  finishReason: string | null | undefined,
  context: StopContext,
): StopReason {
  const fallback = context.hasToolUse ? 'tool_use' : context.refused ? 'refusal' : 'end_turn';
  return mapReason(STOP_REASONS, finishReason, fallback);
}
