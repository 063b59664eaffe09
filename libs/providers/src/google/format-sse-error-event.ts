import type { ProviderError, ProviderErrorKind } from '../provider-error.js';

const ERROR_TYPES: Readonly<Record<ProviderErrorKind, string>> = {
  invalid_request: 'invalid_request_error',
  not_found: 'invalid_request_error',
  authentication: 'upstream_error',
  rate_limited: 'rate_limit_error',
  overloaded: 'server_error',
  server_error: 'upstream_error',
  malformed_response: 'upstream_error',
};

/**
 * A stream failure as the final `data: {"error": …}` event in OpenAI's error shape, which
 * OpenAI's SDKs raise as an APIError. The message names the provider; it never holds a credential.
 */
export function formatSseErrorEvent(error: ProviderError): string {
  const body = {
    error: {
      message: `google: ${error.message}`,
      type: ERROR_TYPES[error.kind],
      code: error.kind === 'malformed_response' ? 'upstream_malformed_response' : error.code,
      param: error.param,
    },
  };
  return `data: ${JSON.stringify(body)}\n\n`;
}
