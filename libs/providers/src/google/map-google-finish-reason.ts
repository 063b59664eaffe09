import { mapReason } from '../shared/map-reason.js';

/** Gemini `finishReason` → OpenAI `finish_reason`; the safety family means a filter stopped it. */
const FINISH_REASONS: ReadonlyMap<string, string> = new Map([
  ['STOP', 'stop'],
  ['MAX_TOKENS', 'length'],
  ['SAFETY', 'content_filter'],
  ['RECITATION', 'content_filter'],
  ['BLOCKLIST', 'content_filter'],
  ['PROHIBITED_CONTENT', 'content_filter'],
  ['SPII', 'content_filter'],
  ['IMAGE_SAFETY', 'content_filter'],
  ['IMAGE_PROHIBITED_CONTENT', 'content_filter'],
  ['IMAGE_RECITATION', 'content_filter'],
]);

/**
 * Gemini's `finishReason` as OpenAI's: STOP → stop (tool_calls when the candidate called
 * functions), MAX_TOKENS → length, the safety/recitation/blocklist family → content_filter,
 * anything else (OTHER, MALFORMED_FUNCTION_CALL, LANGUAGE…) → stop.
 */
export function mapGoogleFinishReason(reason: string, hasToolCalls: boolean): string {
  if (reason === 'STOP' && hasToolCalls) return 'tool_calls';
  return mapReason(FINISH_REASONS, reason, 'stop');
}
