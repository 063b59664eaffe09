import { ApiError, type ApiErrorType } from '@switchyard/service-kit';
import { z } from 'zod';
import { consoleErrors } from '../console-errors.js';
import type { UpstreamResponse } from './console-upstream.js';

const ERROR_TYPES = [
  'invalid_request_error',
  'authentication_error',
  'insufficient_balance',
  'permission_error',
  'not_found_error',
  'rate_limit_error',
  'upstream_error',
  'server_error',
  'timeout_error',
] as const satisfies readonly ApiErrorType[];

const errorBodySchema = z.object({
  error: z.object({
    message: z.string(),
    // A type we do not know is still an error; it travels as an upstream error.
    type: z.enum(ERROR_TYPES).catch('upstream_error'),
    code: z.string().nullable().optional(),
    param: z.string().nullable().optional(),
  }),
});

/** An upstream error response as the same ApiError (status, type, code, message, param). */
export function toUpstreamError(response: UpstreamResponse, what: string): ApiError {
  let parsed: z.infer<typeof errorBodySchema> | undefined;
  try {
    parsed = errorBodySchema.parse(JSON.parse(response.body));
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined || response.status < 400) return consoleErrors.malformedUpstream(what);
  const { error } = parsed;
  return new ApiError(response.status, error.type, error.code ?? 'upstream_error', error.message, {
    param: error.param ?? null,
  });
}
