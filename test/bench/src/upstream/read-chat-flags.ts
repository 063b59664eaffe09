/** What the fast upstream needs to know about a chat request. */
export interface ChatFlags {
  readonly stream: boolean;
  readonly includeUsage: boolean;
}

/** Reads `stream` and `stream_options.include_usage` from a request body; `undefined` if not JSON. */
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
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
