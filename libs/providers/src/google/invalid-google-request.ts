import { ProviderError } from '../provider-error.js';

/**
 * The refusal for a request Gemini cannot carry at all, raised before anything is sent:
 * `invalid_request`, status 400, not retryable.
 */
export function invalidGoogleRequest(
  message: string,
  param: string,
  code: 'unsupported_parameter' | 'invalid_value' = 'unsupported_parameter',
): ProviderError {
  return new ProviderError(message, {
    kind: 'invalid_request',
    status: 400,
    code,
    param,
    retryable: false,
  });
}
