import { type ParsedResponse, ProviderError } from '@switchyard/providers';
import type { Route } from '../catalog/model-catalog.js';
import { toApiError } from '../errors/to-api-error.js';
import type { UpstreamCallResult } from './call-upstream.js';
import { readBody } from './read-body.js';

/** Largest successful upstream body held in memory (large embedding batches stay well under). */
const MAX_RESPONSE_BYTES = 128 * 1024 * 1024;

/**
 * Reads a successful upstream JSON body and parses it with the adapter (the raw text comes
 * along); a body that is not JSON or not the expected shape is a 502, a transport failure while
 * reading it the matching 502/504.
 */
export async function parseUpstreamJson(
  call: UpstreamCallResult,
  route: Route,
  parse: (json: unknown) => ParsedResponse,
): Promise<ParsedResponse & { text: string }> {
  const provider = route.provider.name;
  const errorContext = { provider, secrets: [call.target.apiKey] };
  let text: string;
  try {
    text = await readBody(call.response.body, MAX_RESPONSE_BYTES);
  } catch (error: unknown) {
    throw toApiError(call.response.toFailure(error), errorContext);
  }
  try {
    return { ...parse(JSON.parse(text)), text };
  } catch (error: unknown) {
    const typed =
      error instanceof ProviderError
        ? error
        : new ProviderError('The provider returned a body that is not JSON.', {
            kind: 'malformed_response',
            status: call.response.status,
            code: null,
            retryable: false,
          });
    throw toApiError(typed, errorContext);
  }
}
