import { isPlainObject } from '../shared/is-plain-object.js';

/** The signature in OpenRouter `reasoning_details` (of a message or a delta), if one is there. */
export function signatureOf(details: unknown): string | undefined {
  if (!Array.isArray(details)) return undefined;
  for (const detail of details) {
    if (isPlainObject(detail) && typeof detail.signature === 'string' && detail.signature !== '') {
      return detail.signature;
    }
  }
  return undefined;
}
