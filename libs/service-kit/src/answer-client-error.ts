import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyBaseLogger } from 'fastify';
import { ApiError, apiErrors } from './api-error.js';
import { isDraining } from './drain-request.js';
import { errorBodyOf } from './register-error-handler.js';

export interface ClientErrorOptions {
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  /** The service's logger (read when an error happens: it exists only once the app does). */
  log: () => FastifyBaseLogger;
}

/**
 * fastify's `clientErrorHandler`: what node's HTTP parser refuses before any route sees the
 * request (malformed HTTP, headers over the size limit, a request that did not arrive in time) is
 * answered in the OpenAI error body, then the connection is closed.
 */
export function createClientErrorHandler(
  options: ClientErrorOptions,
): (error: Error & { code?: string }, socket: Socket) => void {
  return (error, socket) => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    if (!socket.writable || isDraining(socket) || responseStarted(socket)) {
      socket.destroy();
      return;
    }
    const apiError = clientErrorOf(error.code, options);
    options.log().debug({ err: error, status: apiError.status }, 'client error');
    const body = JSON.stringify(errorBodyOf(apiError));
    socket.end(
      `HTTP/1.1 ${apiError.status} ${STATUS_CODES[apiError.status] ?? ''}\r\n` +
        'content-type: application/json; charset=utf-8\r\n' +
        `content-length: ${Buffer.byteLength(body)}\r\n` +
        `connection: close\r\n\r\n${body}`,
      () => socket.destroy(),
    );
  };
}

function clientErrorOf(code: string | undefined, options: ClientErrorOptions): ApiError {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return new ApiError(
      408,
      'invalid_request_error',
      'request_timeout',
      `The request did not arrive in time: headers are awaited ${options.headersTimeoutMs} ms ` +
        `and the whole request ${options.bodyTimeoutMs} ms.`,
    );
  }
  if (code === 'HPE_HEADER_OVERFLOW') {
    return new ApiError(
      431,
      'invalid_request_error',
      'request_headers_too_large',
      'The request headers are larger than the server accepts.',
    );
  }
  return apiErrors.invalidRequest(`Malformed HTTP request (${code ?? 'unknown parser error'}).`);
}

/**
 * Whether a response on this connection already sent its status line; writing another would
 * corrupt it. `_httpMessage` is the in-flight response node itself consults for the same check.
 */
function responseStarted(socket: Socket): boolean {
  const inFlight: unknown = Reflect.get(socket, '_httpMessage');
  return (
    typeof inFlight === 'object' &&
    inFlight !== null &&
    'headersSent' in inFlight &&
    inFlight.headersSent === true
  );
}
