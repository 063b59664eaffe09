/** Gemini finish reasons that mean a filter stopped the answer. */
const FILTERED = new Set([
  'SAFETY',
  'RECITATION',
  'BLOCKLIST',
  'PROHIBITED_CONTENT',
  'SPII',
  'IMAGE_SAFETY',
  'IMAGE_PROHIBITED_CONTENT',
  'IMAGE_RECITATION',
]);

/**
 * Gemini's `finishReason` as OpenAI's: STOP → stop (tool_calls when the candidate called
 * functions), MAX_TOKENS → length, the safety/recitation/blocklist family → content_filter,
 * anything else (OTHER, MALFORMED_FUNCTION_CALL, LANGUAGE…) → stop.
 */
export function convertGoogleFinishReason(reason: string, hasToolCalls: boolean): string {
  if (reason === 'MAX_TOKENS') return 'length';
  if (FILTERED.has(reason)) return 'content_filter';
  if (reason === 'STOP' && hasToolCalls) return 'tool_calls';
  return 'stop';
}
