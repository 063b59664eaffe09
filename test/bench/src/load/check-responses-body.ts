/** Returns why a non-streamed Responses answer is not a completed Response with text and usage, or undefined. */
export function checkResponsesBody(text: string): string | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return 'body is not JSON';
  }
  if (typeof body !== 'object' || body === null) return 'body is not an object';
  const { object, status, output, usage } = body as {
    object?: unknown;
    status?: unknown;
    output?: unknown;
    usage?: unknown;
  };
  if (object !== 'response') return 'object is not "response"';
  if (status !== 'completed') return `status is ${JSON.stringify(status)}, not "completed"`;
  if (!Array.isArray(output) || !output.some(hasOutputText)) return 'no output_text in output';
  if (typeof usage !== 'object' || usage === null || !('output_tokens' in usage))
    return 'no usage.output_tokens';
  return undefined;
}

/** Whether an output item is a message with a non-empty `output_text` part. */
function hasOutputText(item: unknown): boolean {
  if (typeof item !== 'object' || item === null) return false;
  const { type, content } = item as { type?: unknown; content?: unknown };
  if (type !== 'message' || !Array.isArray(content)) return false;
  return content.some((part: unknown) => {
    if (typeof part !== 'object' || part === null) return false;
    const { type: partType, text } = part as { type?: unknown; text?: unknown };
    return partType === 'output_text' && typeof text === 'string' && text !== '';
  });
}
