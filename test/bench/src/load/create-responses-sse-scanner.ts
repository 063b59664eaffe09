import { readSseData } from './read-sse-data.js';

/** What a client reading an OpenAI Responses stream has seen so far. */
export interface ResponsesSseScanner {
  /** Feeds bytes as they arrive; events may span chunks. */
  push(chunk: Buffer): void;
  /** `response.output_text.delta` events carrying a non-empty `delta`. */
  readonly contentEvents: number;
  /** Whether `response.completed` arrived (the stream's end: there is no `[DONE]`). */
  readonly sawCompleted: boolean;
  /** Whether that event's `response.usage` carried `output_tokens`. */
  readonly sawUsage: boolean;
  /** The error of an `error` event or a `response.failed`, if one arrived. */
  readonly error: string | undefined;
}

/**
 * Creates a line-based reader of the Responses API's SSE, as OpenAI's SDK would parse it: every
 * `data:` line carries its event's `type`, so the `event:` lines are not needed.
 */
export function createResponsesSseScanner(): ResponsesSseScanner {
  const state = {
    contentEvents: 0,
    sawCompleted: false,
    sawUsage: false,
    error: undefined as string | undefined,
  };
  const onEvent = (event: Record<string, unknown>) => {
    const { type, delta, response, message } = event as {
      type?: unknown;
      delta?: unknown;
      response?: unknown;
      message?: unknown;
    };
    if (type === 'response.output_text.delta') {
      if (typeof delta === 'string' && delta !== '') state.contentEvents += 1;
    } else if (type === 'error') state.error ??= String(message).slice(0, 200);
    else if (type === 'response.failed') state.error ??= describeFailed(response);
    else if (type === 'response.completed') {
      state.sawCompleted = true;
      const usage =
        typeof response === 'object' && response !== null
          ? (response as { usage?: unknown }).usage
          : undefined;
      state.sawUsage ||= typeof usage === 'object' && usage !== null && 'output_tokens' in usage;
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
    get sawCompleted() {
      return state.sawCompleted;
    },
    get sawUsage() {
      return state.sawUsage;
    },
    get error() {
      return state.error;
    },
  };
}

/** `response.failed: <its response.error>`, short. */
function describeFailed(response: unknown): string {
  const error =
    typeof response === 'object' && response !== null
      ? (response as { error?: unknown }).error
      : undefined;
  return `response.failed: ${JSON.stringify(error)}`.slice(0, 200);
}
