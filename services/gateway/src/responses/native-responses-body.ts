import type { ParsedResponses } from './parsed-responses.js';

/**
 * The body a native route is sent: the caller's own, except that a conversation this gateway
 * stored (a `previous_response_id` the upstream never saw) is put before the input as items,
 * and a completion cap Switchyard lowered (budgets, context) replaces `max_output_tokens`.
 */
export function nativeResponsesBody(
  request: ParsedResponses,
  adjustedMaxTokens: number | undefined,
): Record<string, unknown> {
  const body: Record<string, unknown> = { ...request.body };
  if (request.history.length > 0) {
    const input = request.body.input ?? [];
    const items = typeof input === 'string' ? [{ role: 'user', content: input }] : input;
    body.input = [...request.history, ...items];
    delete body.previous_response_id;
  }
  if (adjustedMaxTokens !== undefined) body.max_output_tokens = adjustedMaxTokens;
  return body;
}
