import { readSseData } from './read-sse-data.js';

/** What a client reading an Anthropic Messages stream has seen so far. */
export interface AnthropicSseScanner {
  /** Feeds bytes as they arrive; events may span chunks. */
  push(chunk: Buffer): void;
  /** `content_block_delta` events carrying a non-empty `text_delta`. */
  readonly contentEvents: number;
  /** Whether a `message_delta` carried `usage.output_tokens`. */
  readonly sawUsage: boolean;
  /** Whether `message_stop` arrived. */
  readonly sawStop: boolean;
  /** The error of an `error` event, if one arrived. */
  readonly error: string | undefined;
}

/**
 * Creates a line-based reader of Anthropic's SSE, as its SDK would parse it: every `data:` line
 * carries its event's `type`, so the `event:` lines are not needed.
 */
export function createAnthropicSseScanner(): AnthropicSseScanner {
  const state = {
    contentEvents: 0,
    sawUsage: false,
    sawStop: false,
    error: undefined as string | undefined,
  };
  const onEvent = (event: Record<string, unknown>) => {
    const { type, delta, usage, error } = event as {
      type?: unknown;
      delta?: unknown;
      usage?: unknown;
      error?: unknown;
    };
    if (type === 'error') state.error ??= JSON.stringify(error).slice(0, 200);
    else if (type === 'message_stop') state.sawStop = true;
    else if (type === 'message_delta')
      state.sawUsage ||= typeof usage === 'object' && usage !== null && 'output_tokens' in usage;
    else if (type === 'content_block_delta' && typeof delta === 'object' && delta !== null) {
      const { type: deltaType, text } = delta as { type?: unknown; text?: unknown };
      if (deltaType === 'text_delta' && typeof text === 'string' && text !== '')
        state.contentEvents += 1;
    }
  };
  return {
    push: readSseData({
      onEvent,
      onOther: () => {
        state.error ??= 'an event is not JSON';
      },
    }),
    get contentEvents() {
      return state.contentEvents;
    },
    get sawUsage() {
      return state.sawUsage;
    },
    get sawStop() {
      return state.sawStop;
    },
    get error() {
      return state.error;
    },
  };
}
