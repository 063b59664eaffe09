import type { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';

export interface DrainOptions {
  /** Most bytes read and thrown away before the connection is cut. */
  maxBytes: number;
  /** Longest the drain may take before the connection is cut. */
  maxMs: number;
  /** Whether to close the connection once drained (the server is shutting down and waits on it). */
  closeWhenDone: () => boolean;
}

const draining = new WeakSet<Socket>();

/**
 * Reads and discards the rest of a request that was answered before its body arrived (a 413, a
 * 415, a 404 on a POST). Closing at once would reset the connection while the client is still
 * sending, and clients then report the reset (EPIPE, ECONNRESET) instead of the answer; so the
 * connection stays open until the body is in (and may carry the next request), within byte and
 * time bounds past which it is cut.
 */
export function drainRequest(request: IncomingMessage, options: DrainOptions): void {
  const socket = request.socket;
  // inject()'s requests have no connection to keep open.
  if (request.complete || request.destroyed || !(socket instanceof Socket)) return;
  draining.add(socket);
  let received = 0;
  const stop = () => {
    clearTimeout(timer);
    request.off('data', onData);
    socket.off('close', stop);
    draining.delete(socket);
  };
  const cut = () => {
    stop();
    socket.destroy();
  };
  const onData = (chunk: Buffer) => {
    received += chunk.length;
    if (received > options.maxBytes) cut();
  };
  const timer = setTimeout(cut, options.maxMs);
  timer.unref();
  request.on('data', onData);
  request.once('end', () => {
    stop();
    if (options.closeWhenDone()) socket.end();
  });
  socket.once('close', stop);
  request.resume();
}

/** Whether the connection is draining a request already answered (nothing more may be written). */
export function isDraining(socket: Socket): boolean {
  return draining.has(socket);
}
