import { readSseData } from './read-sse-data.js';

/** What a client reading an OpenAI chat stream has seen so far. */
export interface SseScanner {
  /** Feeds bytes as they arrive; events may span chunks. */
  push(chunk: Buffer): void;
  /** `data:` events whose first choice carries non-empty `delta.content`. */
  readonly contentEvents: number;
  /** Whether an event carried `usage` with `total_tokens`. */
  readonly sawUsage: boolean;
  /** Whether `data: [DONE]` arrived. */
  readonly sawDone: boolean;
  /** The message of an `{"error": …}` event, if one arrived. */
  readonly error: string | undefined;
}

/** Creates a line-based reader of SSE `data:` events, as an SDK client would parse them. */
export function createSseScanner(): SseScanner {
  const state = {
    contentEvents: 0,
    sawUsage: false,
    sawDone: false,
    error: undefined as string | undefined,
  };
  const onEvent = (event: Record<string, unknown>) => {
    const { choices, usage, error } = event as {
      choices?: unknown;
      usage?: unknown;
      error?: unknown;
    };
    if (error !== undefined) state.error ??= JSON.stringify(error).slice(0, 200);
    if (typeof usage === 'object' && usage !== null && 'total_tokens' in usage)
      state.sawUsage = true;
    const first: unknown = Array.isArray(choices) ? choices[0] : undefined;
    const delta: unknown =
      typeof first === 'object' && first !== null
        ? (first as { delta?: unknown }).delta
        : undefined;
    const content =
      typeof delta === 'object' && delta !== null
        ? (delta as { content?: unknown }).content
        : undefined;
    if (typeof content === 'string' && content !== '') state.contentEvents += 1;
  };
  return {
    push: readSseData({
      onEvent,
      onOther: (data) => {
        if (data === '[DONE]') state.sawDone = true;
        else state.error ??= 'an event is not JSON';
      },
    }),
    get contentEvents() {
      return state.contentEvents;
    },
    get sawUsage() {
      return state.sawUsage;
    },
    get sawDone() {
      return state.sawDone;
    },
    get error() {
      return state.error;
    },
  };
}
