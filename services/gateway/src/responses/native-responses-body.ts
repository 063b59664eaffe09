import type { ParsedResponses } from './parsed-responses.js';

/**
 * The body a native route is sent: the caller's own, except that a conversation this gateway
 * stored (a `previous_response_id` the upstream never saw) is put before the input as items
 * (without the gateway's item ids, nor `item_reference` items, which the provider would resolve
 * for any key), and a completion cap Switchyard lowered (budgets, context) replaces `max_output_tokens`.
 */
export function nativeResponsesBody(
  request: ParsedResponses,
  adjustedMaxTokens: number | undefined,
): Record<string, unknown> {
  const body: Record<string, unknown> = { ...request.body };
  if (request.history.length > 0) {
    const input = request.body.input ?? [];
    const items = typeof input === 'string' ? [{ role: 'user', content: input }] : input;
    // An item_reference a turn stored before they were refused is not sent: whose it is is unknown.
    const history = request.history.filter((item) => item.type !== 'item_reference');
    // Without their ids: OpenAI looks items up by id, and it never saw these.
    body.input = [...history.map(withoutId), ...items];
    delete body.previous_response_id;
  }
  if (adjustedMaxTokens !== undefined) body.max_output_tokens = adjustedMaxTokens;
  return body;
}

function withoutId(item: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const { id: _id, status: _status, ...rest } = item;
  return rest;
}
