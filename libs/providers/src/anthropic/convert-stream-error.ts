import { ProviderError } from '../provider-error.js';
import { classifyAnthropicErrorType } from './classify-anthropic-error-type.js';

/**
 * An `error` event inside a stream (the HTTP status was already 200) typed by its error type,
 * with the status Anthropic documents for that type (529 for `overloaded_error`). An undocumented
 * type is an upstream server error.
 */
export function convertStreamError(error: {
  type: string;
  message?: string | undefined;
}): ProviderError {
  const { kind, retryable, status } = classifyAnthropicErrorType(error.type) ?? {
    kind: 'server_error',
    retryable: true,
    status: 500,
  };
  return new ProviderError(error.message || `anthropic stream failed with ${error.type}`, {
    kind,
    status,
    code: error.type,
    retryable,
  });
}
