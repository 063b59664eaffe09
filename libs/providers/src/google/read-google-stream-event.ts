import { ProviderError } from '../provider-error.js';
import { isPlainObject } from '../shared/is-plain-object.js';
import { parseJson } from '../shared/parse-json.js';
import { type GoogleStreamEvent, googleStreamEventSchema } from './google-response-schema.js';
import { parseGoogleError } from './parse-google-error.js';

/**
 * The data of one Gemini SSE event: a partial `GenerateContentResponse`, or the typed error when
 * it is an `{"error": …}` event (typed by its `code`, 500 when absent) or not a response at all.
 */
export function readGoogleStreamEvent(data: string): GoogleStreamEvent | ProviderError {
  const json = parseJson(data);
  if (json === undefined) return ProviderError.malformed('stream event');
  if (isPlainObject(json) && json.error !== undefined) {
    const code = isPlainObject(json.error) ? Number(json.error.code) : Number.NaN;
    const status = Number.isInteger(code) && code >= 400 && code <= 599 ? code : 500;
    return parseGoogleError(status, data, {}, 0);
  }
  const parsed = googleStreamEventSchema.safeParse(json);
  return parsed.success ? parsed.data : ProviderError.malformed('stream event');
}
