import type { Readable, Writable } from 'node:stream';
import type { ErrorBody } from '@switchyard/contracts';
import {
  type ChatStreamEncoder,
  type ChatStreamTransformer,
  createOpenAiSseEncoder,
  encodeChatStream,
  ProviderError,
} from '@switchyard/providers';
import type { ApiError } from '@switchyard/service-kit';
import { holdForEnd } from './hold-for-end.js';

export interface RelayEnd {
  /** The error the stream ended with (already sent to the client as a final event). */
  error: ApiError | undefined;
  clientClosed: boolean;
}

export interface RelaySseOptions {
  /** The upstream body as it arrives; destroying it aborts the upstream request. */
  body: Readable;
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

/** A relay ready to run: `pipeTo` writes the client's SSE text to `out` and ends it. */
export interface SseRelay {
  pipeTo(out: Writable): void;
}

/**
 * Writes the client's SSE bytes to the response as upstream bytes arrive (no buffering beyond
 * one partial event), written by `encoder`. Callbacks only — no async generator, no stream
 * wrapper — so a chunk costs one transform and one write, and nothing outlives it (the per-chunk
 * promises of an async relay kept a fifth of the young generation alive). Backpressure pauses the
 * upstream body until the client drains.
 *
 * A failure after the stream started cannot change the status any more, so it becomes the
 * protocol's final error event (OpenAI: `data: {"error": …}`, what OpenAI's SDKs raise as an
 * APIError) and the stream ends: an upstream error event, a malformed event, a broken or stalled
 * connection, or an upstream that ended without finishing the stream.
 */
export function relaySse(options: RelaySseOptions): SseRelay {
  return { pipeTo: (out) => runRelay(options, out) };
}

function runRelay(options: RelaySseOptions, out: Writable): void {
  const { body } = options;
  const encoder = options.encoder ?? createOpenAiSseEncoder();
  const transformer = encodeChatStream(options.transformer, encoder);
  let started = false;
  let finished = false;

  const write = (text: string): void => {
    if (text === '' || out.destroyed) return;
    if (!out.write(text) && !body.isPaused()) {
      body.pause();
      out.once('drain', () => body.resume());
    }
  };
  const send = (text: string): void => {
    if (text === '') return;
    if (!started) {
      started = true;
      options.onFirstByte();
    }
    options.onOutput?.(text);
    write(text);
  };
  /** Ends the relay once: `error` is a transport failure (or the client leaving). */
  const finish = (error?: unknown): void => {
    if (finished) return;
    finished = true;
    body.off('data', onData);
    body.off('end', onEnd);
    body.off('close', onBodyClose);
    out.off('close', onClientClose);
    const end: RelayEnd = { error: undefined, clientClosed: false };
    if (error !== undefined && options.clientClosed()) {
      end.clientClosed = true;
    } else if (error !== undefined) {
      end.error = options.toClientError(error);
      write(encoder.error(errorFields(end.error)));
    } else {
      if (!transformer.failure) send(transformer.end());
      const failure =
        transformer.failure ?? (transformer.completed ? undefined : incompleteStream());
      if (failure) {
        end.error = options.toClientError(failure);
        write(encoder.error(errorFields(end.error)));
      }
      write(encoder.end());
    }
    // Stops the upstream call when the stream ended before the upstream did.
    if (!body.destroyed) body.destroy();
    end.clientClosed ||= options.clientClosed();
    if (!out.destroyed) out.end();
    try {
      options.onEnd(end);
    } catch (error: unknown) {
      // Called from a stream event: a throw here would take the whole process down.
      process.emitWarning(error instanceof Error ? error : new Error(String(error)));
    }
  };
  const onData = (chunk: Buffer): void => {
    try {
      const text = transformer.push(chunk);
      // The upstream finished the stream: its last events go out with the response's end.
      if (transformer.completed && !finished) holdForEnd(out);
      send(text);
    } catch (error: unknown) {
      // A defect in a translation or in pricing fails this stream, not the process.
      finish(error);
      return;
    }
    if (transformer.failure) finish();
  };
  const onEnd = (): void => finish();
  // Destroyed without an error (an abort): a transport failure all the same.
  const onBodyClose = (): void => finish(new Error('the upstream response closed early'));
  const onClientClose = (): void => {
    if (!finished) finish(new Error('client closed the connection'));
  };
  body.on('data', onData);
  body.once('end', onEnd);
  // Stays attached: an abort may still raise an error after the relay has finished.
  body.on('error', finish);
  body.once('close', onBodyClose);
  out.once('close', onClientClose);
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
