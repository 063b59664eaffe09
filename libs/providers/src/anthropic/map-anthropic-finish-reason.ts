import { mapReason } from '../shared/map-reason.js';

/** Anthropic `stop_reason` → OpenAI `finish_reason`. */
const FINISH_REASONS: ReadonlyMap<string, string> = new Map([
  ['end_turn', 'stop'],
  ['stop_sequence', 'stop'],
  // A paused server-tool turn ends this response; the client may send it back to continue.
  ['pause_turn', 'stop'],
  ['max_tokens', 'length'],
  ['model_context_window_exceeded', 'length'],
  ['tool_use', 'tool_calls'],
  ['refusal', 'content_filter'],
]);

/**
 * The OpenAI `finish_reason` for an Anthropic `stop_reason`; a reason this adapter does not know
 * yet (Anthropic adds them over time) or a missing one reads as a normal `stop`.
 */
export function mapAnthropicFinishReason(stopReason: string | null | undefined): string {
  return mapReason(FINISH_REASONS, stopReason, 'stop');
}
