import { ProviderError } from '@switchyard/providers';
import { ApiError, type ApiErrorType } from '@switchyard/service-kit';
import { UpstreamFailure } from '../upstream/upstream-failure.js';
import { redactSecrets } from './redact-secrets.js';

export interface ErrorContext {
  provider: string;
  /** The credentials used for the call: never echoed back. */
  secrets: readonly (string | undefined)[];
}

/** Maps an upstream failure to the error the client sees; anything else passes through. */
export function toApiError(error: unknown, context: ErrorContext): unknown {
  if (error instanceof ProviderError || error instanceof UpstreamFailure) {
    return upstreamErrorToApiError(error, context);
  }
  return error;
}

/** The client-facing error for an upstream HTTP error or transport failure. */
export function upstreamErrorToApiError(
  error: ProviderError | UpstreamFailure,
  context: ErrorContext,
): ApiError {
  return error instanceof ProviderError
    ? fromProviderError(error, context)
    : fromUpstreamFailure(error);
}

function fromProviderError(error: ProviderError, context: ErrorContext): ApiError {
  const message = redactSecrets(error.message, context.secrets);
  const code = error.code ?? (error.kind === 'not_found' ? 'not_found' : 'invalid_request');
  const detail = `${context.provider} (HTTP ${error.status}): ${message}`;
  const headers = { 'x-switchyard-upstream-status': String(error.status) };
  switch (error.kind) {
    case 'rate_limited': {
      const retryAfter = String(error.retryAfterSeconds ?? 1);
      return new ApiError(
        429,
        'rate_limit_error',
        'rate_limit_exceeded',
        `Rate limited by ${detail}`,
        {
          headers: { ...headers, 'retry-after': retryAfter },
        },
      );
    }
    case 'invalid_request':
    case 'not_found':
      // The caller's request was refused upstream: keep the status class and the message.
      return new ApiError(error.status, 'invalid_request_error', code, message, {
        param: error.param,
        headers,
      });
    case 'authentication':
      // Our provider credential was refused: the gateway's problem, not the caller's key.
      return upstream(
        502,
        'upstream_error',
        'upstream_auth_failed',
        `Upstream authentication failed at ${detail}`,
        headers,
      );
    case 'overloaded':
      return upstream(503, 'server_error', 'overloaded', `Overloaded: ${detail}`, headers);
    case 'malformed_response':
      return upstream(
        502,
        'upstream_error',
        'upstream_malformed_response',
        `${context.provider}: ${message}`,
        headers,
      );
    case 'server_error':
      return upstream(
        502,
        'upstream_error',
        'upstream_error',
        `Upstream error from ${detail}`,
        headers,
      );
  }
}

function fromUpstreamFailure(error: UpstreamFailure): ApiError {
  switch (error.kind) {
    case 'connect_timeout':
    case 'first_byte_timeout':
    case 'idle_timeout':
    case 'total_timeout':
      return new ApiError(504, 'timeout_error', 'upstream_timeout', error.message);
    case 'unreachable':
      return upstream(502, 'upstream_error', 'upstream_unreachable', error.message, {});
    case 'connection_lost':
    case 'client_closed':
      return upstream(502, 'upstream_error', 'upstream_error', error.message, {});
  }
}

function upstream(
  status: number,
  type: ApiErrorType,
  code: string,
  message: string,
  headers: Record<string, string>,
): ApiError {
  return new ApiError(status, type, code, message, { headers });
}
