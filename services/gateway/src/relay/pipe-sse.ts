import { PassThrough, type Readable } from 'node:stream';
import {
  type NativeStreamDecoder,
  ProviderError,
  type StreamUsageTap,
} from '@switchyard/providers';
import type { ApiError } from '@switchyard/service-kit';
import type { RelayEnd } from './relay-sse.js';

export interface PipeSseOptions {
  /** The upstream's body; destroying it aborts the upstream request. */
  body: Readable;
  /** Reads usage, the end and in-stream errors from the bytes on their way. */
  tap: StreamUsageTap;
  /**
   * Turns the upstream's bytes into the SSE the client gets, for an upstream that frames its
   * events otherwise (Bedrock's event stream); absent, the bytes go as they came.
   */
  decoder?: NativeStreamDecoder | undefined;
  clientClosed: () => boolean;
  /** The client's error for a transport failure or an error the tap read. */
  toClientError: (error: unknown) => ApiError;
  /** The protocol's last event for a stream that failed after it started. */
  errorEvent: (error: ApiError) => string;
  onFirstByte: () => void;
  /** Every chunk relayed, in order (kept for the request log and token estimates). */
  onChunk?: (chunk: Buffer) => void;
  onEnd: (end: RelayEnd) => void;
}

/**
 * The upstream's SSE bytes relayed to the client as they arrive, unchanged (or as `decoder`
 * turned them into SSE): one write per upstream chunk into the stream the reply sends, with the upstream paused while the client is
 * slow. Only `tap` reads them. An error event the upstream sent reaches the client as sent and
 * ends the stream; a broken connection or an upstream that ended without finishing gets the
 * protocol's error event from `errorEvent`. A client that leaves destroys the upstream body.
 */
export function pipeSse(options: PipeSseOptions): PassThrough {
  const { body, tap } = options;
  const out = new PassThrough();
  let started = false;
  let ended = false;
  const finish = (error: ApiError | undefined, writeEvent: boolean, clientClosed = false) => {
    if (ended) return;
    ended = true;
    body.off('data', onData);
    if (!clientClosed) {
      if (error !== undefined && writeEvent) out.write(options.errorEvent(error));
      out.end();
    }
    options.onEnd({ error, clientClosed: clientClosed || options.clientClosed() });
  };
  const onData = (received: Buffer) => {
    const chunk =
      options.decoder === undefined ? received : Buffer.from(options.decoder.push(received));
    if (chunk.length === 0) return;
    if (!started) {
      started = true;
      options.onFirstByte();
    }
    tap.push(chunk);
    options.onChunk?.(chunk);
    if (!out.write(chunk)) body.pause();
    if (tap.failure !== undefined) {
      // The upstream's own error event went out as sent: the stream ends here.
      const failure = options.toClientError(tap.failure);
      finish(failure, false);
      body.destroy();
    }
  };
  body.on('data', onData);
  out.on('drain', () => body.resume());
  body.once('end', () => {
    tap.end();
    if (tap.failure !== undefined) finish(options.toClientError(tap.failure), false);
    else if (!tap.completed) finish(options.toClientError(incompleteStream()), true);
    else finish(undefined, false);
  });
  // Stays attached: an abort may still raise an error after the relay has finished.
  body.on('error', (error: unknown) => {
    if (options.clientClosed()) finish(undefined, false, true);
    else finish(options.toClientError(error), true);
  });
  // Destroyed without an error or an end: a transport failure all the same (after 'end' or
  // 'error' the relay has finished and this does nothing).
  body.once('close', () => {
    if (options.clientClosed()) finish(undefined, false, true);
    else finish(options.toClientError(new Error('the upstream response closed early')), true);
  });
  out.once('close', () => {
    // The client left before the end: the upstream call is of no more use.
    if (ended) return;
    finish(undefined, false, true);
    body.destroy();
  });
  return out;
}

function incompleteStream(): ProviderError {
  return new ProviderError('The provider ended the stream before it was complete.', {
    kind: 'server_error',
    status: 502,
    code: 'incomplete_stream',
    retryable: false,
  });
}
