/**
 * OpenAI tool-call arguments (a JSON string) as an Anthropic `input` object. Empty arguments are
 * `{}`; arguments that are not a JSON object are kept as `{ raw_arguments }`, so the client sees
 * what the model wrote (as a streaming client would) instead of silently running with no input.
 */
export function parseToolArguments(text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
  } catch {
    // Not JSON: fall through and keep the text.
  }
  return { raw_arguments: text };
}
