import type { ErrorBody } from '@switchyard/contracts';
import type {
  FastifyBaseLogger,
  FastifyError,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
} from 'fastify';
import { ApiError, apiErrors } from './api-error.js';

/**
 * How errors are written under a path whose API has an error body of its own (Anthropic's under
 * `/v1/messages`). Everywhere else errors leave as the OpenAI error body.
 */
export interface ErrorFormat {
  /** The path itself and everything below it (`/v1/messages`, `/v1/messages/count_tokens`). */
  pathPrefix: string;
  send(reply: FastifyReply, error: ApiError): FastifyReply;
}

export interface ErrorHandlerOptions {
  bodyLimitBytes: number;
  formats?: readonly ErrorFormat[];
}

/**
 * Installs the one error handler of a service: every error, ours or fastify's, leaves as the
 * OpenAI error body (or the format of its path) with the status of PRODUCT.md. Unknown errors are
 * logged and become a 500 without their message or stack. A path with no route is a 404 whatever
 * the method, as fastify routes (no 405).
 */
export function registerErrorHandler(app: FastifyInstance, options: ErrorHandlerOptions): void {
  const send = createErrorSender(options);
  app.setErrorHandler((error: unknown, request, reply) => send(error, request, reply));
  app.setNotFoundHandler((request, reply) =>
    send(
      apiErrors.notFound(`No route for ${request.method} ${pathOf(request.url)}.`),
      request,
      reply,
    ),
  );
}

/**
 * Answers a request with any error, in the error format of its path. Also what fastify's
 * `frameworkErrors` (a URL with a bad `%` escape) is given, so those share the body.
 */
export function createErrorSender(
  options: ErrorHandlerOptions,
): (error: unknown, request: FastifyRequest, reply: FastifyReply) => FastifyReply {
  const formats = options.formats ?? [];
  return (error, request, reply) => {
    const apiError = asApiError(error, options.bodyLimitBytes, request.log);
    const path = pathOf(request.url);
    const format = formats.find(
      (candidate) => path === candidate.pathPrefix || path.startsWith(`${candidate.pathPrefix}/`),
    );
    return format === undefined ? sendApiError(reply, apiError) : format.send(reply, apiError);
  };
}

function pathOf(url: string): string {
  return url.split('?')[0] ?? url;
}

/** The OpenAI error body of an ApiError. */
export function errorBodyOf(error: ApiError): ErrorBody {
  return {
    error: {
      message: error.message,
      type: error.type,
      code: error.code,
      param: error.param,
      ...error.details,
    },
  };
}

/** Writes an ApiError as the response. */
export function sendApiError(reply: FastifyReply, error: ApiError): FastifyReply {
  return reply.code(error.status).headers(error.headers).send(errorBodyOf(error));
}

const MALFORMED_BODY_CODES = new Set([
  'FST_ERR_CTP_INVALID_JSON_BODY',
  'FST_ERR_CTP_EMPTY_JSON_BODY',
  'FST_ERR_CTP_INVALID_CONTENT_LENGTH',
]);

/**
 * Any error as the ApiError the client should see: ours as they are, fastify's body and
 * content-type errors as 4xx, anything else as a 500 (logged, never shown).
 */
export function asApiError(
  error: unknown,
  bodyLimitBytes: number,
  log: FastifyBaseLogger,
): ApiError {
  if (error instanceof ApiError) return error;
  const apiError = fromFastifyError(error, bodyLimitBytes);
  if (apiError.status >= 500) log.error({ err: error }, 'unhandled error');
  return apiError;
}

function fromFastifyError(error: unknown, bodyLimitBytes: number): ApiError {
  if (!isFastifyError(error)) return apiErrors.internal();
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return apiErrors.requestTooLarge(bodyLimitBytes);
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return new ApiError(
      415,
      'invalid_request_error',
      'unsupported_media_type',
      'Send the body as application/json.',
    );
  }
  if (MALFORMED_BODY_CODES.has(error.code) || error instanceof SyntaxError) {
    return apiErrors.invalidRequest(`Malformed JSON body: ${error.message}`);
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    return new ApiError(status, 'invalid_request_error', 'invalid_request', error.message);
  }
  return apiErrors.internal();
}

function isFastifyError(error: unknown): error is FastifyError {
  return error instanceof Error && ('statusCode' in error || 'code' in error);
}
