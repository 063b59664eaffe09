import type { ErrorBody } from '@switchyard/contracts';
import type { FastifyBaseLogger, FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { ApiError, apiErrors } from './api-error.js';

/**
 * Installs the one error handler of a service: every error, ours or fastify's, leaves as the
 * OpenAI error body with the status of PRODUCT.md. Unknown errors are logged and become a 500
 * without their message or stack.
 */
export function registerErrorHandler(
  app: FastifyInstance,
  options: { bodyLimitBytes: number },
): void {
  app.setErrorHandler((error: unknown, request, reply) =>
    sendApiError(reply, asApiError(error, options.bodyLimitBytes, request.log)),
  );
  app.setNotFoundHandler((request, reply) =>
    sendApiError(
      reply,
      apiErrors.notFound(`No route for ${request.method} ${request.url.split('?')[0]}.`),
    ),
  );
}

/** Writes an ApiError as the response. */
export function sendApiError(reply: FastifyReply, error: ApiError): FastifyReply {
  const body: ErrorBody = {
    error: {
      message: error.message,
      type: error.type,
      code: error.code,
      param: error.param,
      ...error.details,
    },
  };
  return reply.code(error.status).headers(error.headers).send(body);
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
