import { type ParsedResponse, ProviderError } from '@switchyard/providers';
import { toApiError } from '../errors/to-api-error.js';
import type { RoutedCall } from '../routing/call-with-fallback.js';
import { readBody } from '../upstream/read-body.js';

/** Largest successful upstream body held in memory (large embedding batches stay well under). */
const MAX_RESPONSE_BYTES = 128 * 1024 * 1024;

/**
 * Reads a successful upstream JSON body and parses it with the adapter (the raw text comes
 * along); a body that is not JSON or not the expected shape is a 502, a transport failure while
 * reading it the matching 502/504.
 */
export async function parseUpstreamJson(
  call: RoutedCall,
  parse: (json: unknown) => ParsedResponse,
): Promise<ParsedResponse & { text: string }> {
  const errorContext = {
    provider: call.candidate.route.provider.name,
    secrets: [call.credential.key],
  };
  let text: string;
  try {
    text = await readBody(call.response.body, MAX_RESPONSE_BYTES);
  } catch (error: unknown) {
    throw toApiError(call.response.toFailure(error), errorContext);
  }
  try {
    const parsed = parse(JSON.parse(text));
    // Field by field: see `createRouter` on spreads and hidden classes.
    return { body: parsed.body, usage: parsed.usage, passThrough: parsed.passThrough, text };
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
