import { ProviderError } from '../provider-error.js';

/**
 * A request Switchyard refuses before anything is sent to Anthropic: status 400, never retried.
 * `code` is `unsupported_parameter` when the field cannot be carried honestly.
 */
export function invalidRequestError(
  message: string,
  param: string | null,
  code: 'invalid_request' | 'unsupported_parameter' = 'invalid_request',
): ProviderError {
  return new ProviderError(message, {
    kind: 'invalid_request',
    status: 400,
    code,
    param,
    retryable: false,
  });
}
