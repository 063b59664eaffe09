import { mapReason } from '../shared/map-reason.js';

/** Converse `stopReason` → OpenAI `finish_reason`. */
const FINISH_REASONS: ReadonlyMap<string, string> = new Map([
  ['end_turn', 'stop'],
  ['stop_sequence', 'stop'],
  ['max_tokens', 'length'],
  ['model_context_window_exceeded', 'length'],
  ['tool_use', 'tool_calls'],
  ['guardrail_intervened', 'content_filter'],
  ['content_filtered', 'content_filter'],
]);

/** The OpenAI `finish_reason` for a Converse `stopReason`; an unknown or missing one is `stop`. */
export function mapBedrockFinishReason(stopReason: string | null | undefined): string {
  return mapReason(FINISH_REASONS, stopReason, 'stop');
}
