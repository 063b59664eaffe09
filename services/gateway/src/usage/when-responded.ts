import type { ServerResponse } from 'node:http';

/** How a response ended for the client. */
export interface Responded {
  /** The status the client was sent. */
  status: number;
  /** The whole response was handed to the connection (false: it closed or failed first). */
  complete: boolean;
}

/**
 * Calls `then` once the response has ended — sent in full ('finish') or cut off ('close'
 * first) — with the status the client actually got; at once when it already has.
 */
export function whenResponded(
  response: ServerResponse,
  then: (responded: Responded) => void,
): void {
  let called = false;
  const respond = (complete: boolean) => {
    if (called) return;
    called = true;
    response.off('finish', finished);
    response.off('close', closed);
    then({ status: response.statusCode, complete });
  };
  const finished = () => respond(true);
  const closed = () => respond(response.writableFinished);
  if (response.writableFinished || response.destroyed) {
    closed();
    return;
  }
  // Ahead of fastify's own listeners: the request's span and log line end after the outcome.
  response.prependOnceListener('finish', finished);
  response.prependOnceListener('close', closed);
}
