import { ProviderError } from '../provider-error.js';

/** The error for a 200 from Gemini that is not the shape its API documents. */
export function googleMalformedResponse(what: string): ProviderError {
  return new ProviderError(`The provider returned a malformed ${what}.`, {
    kind: 'malformed_response',
    status: 200,
    code: null,
    retryable: false,
  });
}
