import {
  type ResponsesInputItem,
  type ResponsesRequest,
  responsesInputItemSchema,
} from '@switchyard/contracts';

/**
 * One turn of a conversation as input items for the next: this request's input (a string input
 * as a user message) and the Response's output. Reasoning items (of either) are left out: they
 * cannot be carried to the providers translated Responses go to, and were warned of once.
 */
export function conversationItems(
  request: ResponsesRequest,
  response: Readonly<Record<string, unknown>>,
): ResponsesInputItem[] {
  const input = request.input ?? [];
  const items: ResponsesInputItem[] =
    typeof input === 'string'
      ? [{ type: 'message', role: 'user', content: input }]
      : input.filter((item) => item.type !== 'reasoning');
  const output = Array.isArray(response.output) ? response.output : [];
  for (const item of output) {
    const parsed = responsesInputItemSchema.safeParse(item);
    if (parsed.success && parsed.data.type !== 'reasoning') items.push(parsed.data);
  }
  return items;
}
