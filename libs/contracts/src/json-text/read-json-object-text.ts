import { inspectJsonText } from './inspect-json-text.js';
import type { JsonObjectText } from './json-object-text.js';

/** `text` (a JSON object's) with its members located; throws when it is not a JSON object. */
export function readJsonObjectText(text: string): JsonObjectText {
  const { object } = inspectJsonText(text, Number.POSITIVE_INFINITY, {
    locateMembers: true,
  });
  if (object === undefined) throw new Error('not a JSON object');
  return object;
}
