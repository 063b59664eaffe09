/** What the fast upstream needs to know about a chat (or Anthropic messages) request. */
export interface ChatFlags {
  readonly stream: boolean;
  readonly includeUsage: boolean;
  /** Whether `max_tokens` is a number: Anthropic's Messages API refuses a request without it. */
  readonly hasMaxTokens: boolean;
  /** The requested model, `''` when absent. */
  readonly model: string;
  /** The whole request, parsed (for an answer that echoes some of it). */
  readonly body: Readonly<Record<string, unknown>>;
}

/** Reads `stream`, `stream_options.include_usage`, `max_tokens` and `model`; `undefined` if not JSON. */
export function readChatFlags(body: string): ChatFlags | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (!isRecord(parsed)) return undefined;
  const streamOptions = parsed.stream_options;
  return {
    stream: parsed.stream === true,
    includeUsage: isRecord(streamOptions) && streamOptions.include_usage === true,
    hasMaxTokens: typeof parsed.max_tokens === 'number',
    model: typeof parsed.model === 'string' ? parsed.model : '',
    body: parsed,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
