import type { ErrorBody } from '@switchyard/contracts';
import type { ChatStreamTransformer } from '@switchyard/providers';
import type { ApiError } from '@switchyard/service-kit';

export interface RelayEnd {
  /** The error the stream ended with (already sent to the client as a final event). */
  error: ApiError | undefined;
  clientClosed: boolean;
}

export interface RelaySseOptions {
  body: AsyncIterable<Buffer>;
  transformer: ChatStreamTransformer;
  clientClosed: () => boolean;
  toClientError: (error: unknown) => ApiError;
  onFirstByte: () => void;
  onEnd: (end: RelayEnd) => void;
}

/**
 * Yields the client's SSE bytes as upstream bytes arrive (no buffering beyond one partial
 * event). A failure after the stream started cannot change the status any more, so it becomes a
 * final `data: {"error": …}` event — what OpenAI's SDKs raise as an APIError — and the stream ends.
 */
export async function* relaySse(options: RelaySseOptions): AsyncGenerator<string> {
  const { transformer } = options;
  let started = false;
  const end: RelayEnd = { error: undefined, clientClosed: false };
  try {
    for await (const chunk of options.body) {
      const out = transformer.push(chunk);
      if (out === '') continue;
      if (!started) {
        started = true;
        options.onFirstByte();
      }
      yield out;
    }
    const tail = transformer.end();
    if (tail !== '') yield tail;
  } catch (error: unknown) {
    if (options.clientClosed()) {
      end.clientClosed = true;
      return;
    }
    end.error = options.toClientError(error);
    yield sseError(end.error);
  } finally {
    end.clientClosed ||= options.clientClosed();
    options.onEnd(end);
  }
}

/** An error as the final SSE event of a stream. */
export function sseError(error: ApiError): string {
  const body: ErrorBody = {
    error: { message: error.message, type: error.type, code: error.code, param: error.param },
  };
  return `data: ${JSON.stringify(body)}\n\n`;
}
