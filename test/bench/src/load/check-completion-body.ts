/** Returns why a non-streamed answer is not a chat completion with content and usage, or undefined. */
export function checkCompletionBody(text: string): string | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return 'body is not JSON';
  }
  if (typeof body !== 'object' || body === null) return 'body is not an object';
  const { choices, usage } = body as { choices?: unknown; usage?: unknown };
  const first: unknown = Array.isArray(choices) ? choices[0] : undefined;
  const message: unknown =
    typeof first === 'object' && first !== null
      ? (first as { message?: unknown }).message
      : undefined;
  const content =
    typeof message === 'object' && message !== null
      ? (message as { content?: unknown }).content
      : undefined;
  if (typeof content !== 'string' || content === '') return 'no choices[0].message.content';
  if (typeof usage !== 'object' || usage === null) return 'no usage';
  return undefined;
}
