import { ProviderError } from '../provider-error.js';

/** Anthropic answered 200 with something that is not its documented shape. */
export function malformedResponseError(what: string): ProviderError {
  return new ProviderError(`anthropic returned a malformed ${what}.`, {
    kind: 'malformed_response',
    status: 200,
    code: null,
    retryable: false,
  });
}
