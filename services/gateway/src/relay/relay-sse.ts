import type { ErrorBody } from '@switchyard/contracts';
import {
  type ChatStreamEncoder,
  type ChatStreamTransformer,
  createOpenAiSseEncoder,
  encodeChatStream,
  ProviderError,
} from '@switchyard/providers';
import type { ApiError } from '@switchyard/service-kit';

export interface RelayEnd {
  /** The error the stream ended with (already sent to the client as a final event). */
  error: ApiError | undefined;
  clientClosed: boolean;
}

export interface RelaySseOptions {
  body: AsyncIterable<Buffer>;
  transformer: ChatStreamTransformer;
  /** The egress protocol the client reads: OpenAI SSE unless given. */
  encoder?: ChatStreamEncoder | undefined;
  clientClosed: () => boolean;
  /** The client's error for a transport failure or a `ProviderError` the transformer reported. */
  toClientError: (error: unknown) => ApiError;
  onFirstByte: () => void;
  /** Every piece of the answer the client is sent, in order (not the final error event). */
  onOutput?: (text: string) => void;
  onEnd: (end: RelayEnd) => void;
}

/**
 * Yields the client's SSE bytes as upstream bytes arrive (no buffering beyond one partial
 * event), written by `encoder`. A failure after the stream started cannot change the status
 * any more, so it becomes the protocol's final error event (OpenAI: `data: {"error": …}`, what
 * OpenAI's SDKs raise as an APIError) and the stream ends: an upstream error event, a malformed event, a broken or stalled connection, or an
 * upstream that ended without finishing the stream.
 */
export async function* relaySse(options: RelaySseOptions): AsyncGenerator<string> {
  const encoder = options.encoder ?? createOpenAiSseEncoder();
  const transformer = encodeChatStream(options.transformer, encoder);
  let started = false;
  const end: RelayEnd = { error: undefined, clientClosed: false };
  try {
    for await (const chunk of options.body) {
      const out = transformer.push(chunk);
      if (out !== '') {
        if (!started) {
          started = true;
          options.onFirstByte();
        }
        options.onOutput?.(out);
        yield out;
      }
      if (transformer.failure) break;
    }
    const tail = transformer.failure ? '' : transformer.end();
    if (tail !== '') {
      options.onOutput?.(tail);
      yield tail;
    }
    const failure = transformer.failure ?? (transformer.completed ? undefined : incompleteStream());
    if (failure) {
      end.error = options.toClientError(failure);
      yield encoder.error(errorFields(end.error));
    }
    const closing = encoder.end();
    if (closing !== '') yield closing;
  } catch (error: unknown) {
    if (options.clientClosed()) {
      end.clientClosed = true;
      return;
    }
    end.error = options.toClientError(error);
    yield encoder.error(errorFields(end.error));
  } finally {
    end.clientClosed ||= options.clientClosed();
    options.onEnd(end);
  }
}

/** The error body's fields for the final event of a stream. */
function errorFields(error: ApiError): ErrorBody['error'] {
  return { message: error.message, type: error.type, code: error.code, param: error.param };
}

function incompleteStream(): ProviderError {
  return new ProviderError('The provider ended the stream before it was complete.', {
    kind: 'server_error',
    status: 502,
    code: 'incomplete_stream',
    retryable: false,
  });
}
