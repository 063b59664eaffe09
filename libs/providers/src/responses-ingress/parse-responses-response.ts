import { responsesResponseSchema } from '@switchyard/contracts';
import type { ParsedResponse } from '../provider-adapter.js';
import { ProviderError } from '../provider-error.js';
import { isPlainObject } from '../shared/is-plain-object.js';
import { convertResponsesUsage } from './convert-responses-usage.js';

/** A native Response body, forwarded as it is, with its usage read. */
export function parseResponsesResponse(body: unknown): ParsedResponse {
  const parsed = responsesResponseSchema.safeParse(body);
  if (!parsed.success || !isPlainObject(body)) {
    throw new ProviderError('The provider returned a body that is not a Response.', {
      kind: 'malformed_response',
      status: 200,
      code: null,
      retryable: false,
    });
  }
  const usage = parsed.data.usage;
  return { body, usage: usage ? convertResponsesUsage(usage) : undefined, passThrough: true };
}
