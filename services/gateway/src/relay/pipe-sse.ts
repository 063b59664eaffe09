import type { Readable, Writable } from 'node:stream';
import {
  type NativeStreamDecoder,
  ProviderError,
  type StreamUsageTap,
} from '@switchyard/providers';
import type { ApiError } from '@switchyard/service-kit';
import { holdForEnd } from './hold-for-end.js';
import type { RelayEnd, SseRelay } from './relay-sse.js';

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
 * turned them into SSE): each upstream chunk is written straight to the response, with the
 * upstream paused while the client is slow — no stream in between, so a chunk costs one write
 * and nothing outlives it. Only `tap` reads the bytes. An error event the upstream sent reaches
 * the client as sent and ends the stream; a broken connection or an upstream that ended without
 * finishing gets the protocol's error event from `errorEvent`. A client that leaves destroys the
 * upstream body.
 */
export function pipeSse(options: PipeSseOptions): SseRelay {
  return { pipeTo: (out) => runPipe(options, out) };
}

function runPipe(options: PipeSseOptions, out: Writable): void {
  const { body, tap, decoder } = options;
  let started = false;
  let finished = false;

  const write = (chunk: Buffer | string): void => {
    if (out.destroyed) return;
    if (!out.write(chunk) && !body.isPaused()) {
      body.pause();
      out.once('drain', () => body.resume());
    }
  };
  /** Ends the relay once; `event` is the error event still to send, if any. */
  const finish = (error: ApiError | undefined, event: boolean, clientClosed = false): void => {
    if (finished) return;
    finished = true;
    body.off('data', onData);
    body.off('end', onEnd);
    body.off('close', onBodyClose);
    out.off('close', onClientClose);
    if (!clientClosed) {
      if (error !== undefined && event) write(options.errorEvent(error));
      if (!out.destroyed) out.end();
    }
    // Stops the upstream call when the stream ended before the upstream did.
    if (!body.destroyed) body.destroy();
    try {
      options.onEnd({ error, clientClosed: clientClosed || options.clientClosed() });
    } catch (thrown: unknown) {
      // Called from a stream event: a throw here would take the whole process down.
      process.emitWarning(thrown instanceof Error ? thrown : new Error(String(thrown)));
    }
  };
  /** A transport failure: the client's leaving, or the protocol's error event. */
  const fail = (error: unknown): void => {
    if (options.clientClosed()) finish(undefined, false, true);
    else finish(options.toClientError(error), true);
  };
  const onData = (received: Buffer): void => {
    let chunk = received;
    try {
      if (decoder !== undefined) chunk = Buffer.from(decoder.push(received));
      if (chunk.length === 0) return;
      if (!started) {
        started = true;
        options.onFirstByte();
      }
      tap.push(chunk);
      options.onChunk?.(chunk);
    } catch (error: unknown) {
      // A defect in decoding or reading usage fails this stream, not the process.
      fail(error);
      return;
    }
    // The upstream finished the stream: its last events go out with the response's end.
    if (tap.completed) holdForEnd(out);
    write(chunk);
    // The upstream's own error event went out as sent: the stream ends here.
    if (tap.failure !== undefined) finish(options.toClientError(tap.failure), false);
  };
  const onEnd = (): void => {
    try {
      tap.end();
    } catch (error: unknown) {
      fail(error);
      return;
    }
    if (tap.failure !== undefined) finish(options.toClientError(tap.failure), false);
    else if (!tap.completed) finish(options.toClientError(incompleteStream()), true);
    else finish(undefined, false);
  };
  // Destroyed without an error or an end (an abort): a transport failure all the same.
  const onBodyClose = (): void => fail(new Error('the upstream response closed early'));
  const onClientClose = (): void => {
    // The client left before the end: the upstream call is of no more use.
    finish(undefined, false, true);
  };
  body.on('data', onData);
  body.once('end', onEnd);
  // Stays attached: an abort may still raise an error after the relay has finished.
  body.on('error', fail);
  body.once('close', onBodyClose);
  out.once('close', onClientClose);
}

function incompleteStream(): ProviderError {
  return new ProviderError('The provider ended the stream before it was complete.', {
    kind: 'server_error',
    status: 502,
    code: 'incomplete_stream',
    retryable: false,
  });
}
