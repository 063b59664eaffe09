/** Returns why a non-streamed Anthropic answer is not a message with text and usage, or undefined. */
export function checkAnthropicMessageBody(text: string): string | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return 'body is not JSON';
  }
  if (typeof body !== 'object' || body === null) return 'body is not an object';
  const { type, content, usage } = body as { type?: unknown; content?: unknown; usage?: unknown };
  if (type !== 'message') return 'type is not "message"';
  const first: unknown = Array.isArray(content) ? content[0] : undefined;
  const blockText =
    typeof first === 'object' && first !== null ? (first as { text?: unknown }).text : undefined;
  if (typeof blockText !== 'string' || blockText === '') return 'no content[0].text';
  if (typeof usage !== 'object' || usage === null || !('output_tokens' in usage))
    return 'no usage.output_tokens';
  return undefined;
}
