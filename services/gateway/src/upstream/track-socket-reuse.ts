import { subscribe, unsubscribe } from 'node:diagnostics_channel';

/** Tells whether a request undici failed had been sent on a socket an earlier request used. */
export interface SocketReuseTracker {
  /** Whether `error` failed a request that was written to an already used keep-alive socket. */
  failedOnReusedSocket(error: unknown): boolean;
  close(): void;
}

const SEND_HEADERS = 'undici:client:sendHeaders';
const REQUEST_ERROR = 'undici:request:error';

/**
 * Follows undici's public diagnostics channels: `sendHeaders` names the socket each request is
 * written to, `request:error` the error it then failed with. undici says nothing of reuse in the
 * error itself (an `ECONNRESET` carries no socket), hence this bookkeeping, all in weak maps.
 */
export function trackSocketReuse(): SocketReuseTracker {
  const requestsSent = new WeakMap<object, number>();
  const sentOnReusedSocket = new WeakSet<object>();
  const errorsOnReusedSocket = new WeakSet<object>();
  const onSendHeaders = (message: unknown) => {
    const request = field(message, 'request');
    const socket = field(message, 'socket');
    if (request === undefined || socket === undefined) return;
    const sent = requestsSent.get(socket) ?? 0;
    requestsSent.set(socket, sent + 1);
    if (sent > 0) sentOnReusedSocket.add(request);
  };
  const onRequestError = (message: unknown) => {
    const request = field(message, 'request');
    const error = field(message, 'error');
    if (request !== undefined && error !== undefined && sentOnReusedSocket.has(request)) {
      errorsOnReusedSocket.add(error);
    }
  };
  subscribe(SEND_HEADERS, onSendHeaders);
  subscribe(REQUEST_ERROR, onRequestError);
  return {
    failedOnReusedSocket: (error) =>
      typeof error === 'object' && error !== null && errorsOnReusedSocket.has(error),
    close() {
      unsubscribe(SEND_HEADERS, onSendHeaders);
      unsubscribe(REQUEST_ERROR, onRequestError);
    },
  };
}

/** An object-valued field of a diagnostics message, which node types as `unknown`. */
function field(message: unknown, name: string): object | undefined {
  if (typeof message !== 'object' || message === null || !(name in message)) return undefined;
  const value: unknown = Reflect.get(message, name);
  return typeof value === 'object' && value !== null ? value : undefined;
}
