import type { ProviderError, ProviderErrorKind } from '../provider-error.js';

/** The OpenAI error `type` a client sees for each kind, as the gateway's error table has it. */
const ERROR_TYPES: Readonly<Record<ProviderErrorKind, string>> = {
  invalid_request: 'invalid_request_error',
  not_found: 'invalid_request_error',
  authentication: 'upstream_error',
  rate_limited: 'rate_limit_error',
  overloaded: 'server_error',
  server_error: 'upstream_error',
  malformed_response: 'upstream_error',
};

/** A failure inside a stream as the final `data: {"error": …}` event OpenAI's SDKs raise. */
export function formatErrorEvent(error: ProviderError): string {
  const body = {
    error: { message: error.message, type: ERROR_TYPES[error.kind], code: error.code, param: null },
  };
  return `data: ${JSON.stringify(body)}\n\n`;
}
