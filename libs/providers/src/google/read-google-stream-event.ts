import type { ProviderError } from '../provider-error.js';
import { googleMalformedResponse } from './google-malformed-response.js';
import { type GoogleStreamEvent, googleStreamEventSchema } from './google-response-schema.js';
import { isJsonObject } from './is-json-object.js';
import { parseGoogleError } from './parse-google-error.js';

/**
 * The data of one Gemini SSE event: a partial `GenerateContentResponse`, or the typed error when
 * it is an `{"error": …}` event (typed by its `code`, 500 when absent) or not a response at all.
 */
export function readGoogleStreamEvent(data: string): GoogleStreamEvent | ProviderError {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return googleMalformedResponse('stream event');
  }
  if (isJsonObject(json) && json.error !== undefined) {
    const code = isJsonObject(json.error) ? Number(json.error.code) : Number.NaN;
    const status = Number.isInteger(code) && code >= 400 && code <= 599 ? code : 500;
    return parseGoogleError(status, data, {}, 0);
  }
  const parsed = googleStreamEventSchema.safeParse(json);
  return parsed.success ? parsed.data : googleMalformedResponse('stream event');
}
