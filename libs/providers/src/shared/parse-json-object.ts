import { isPlainObject } from './is-plain-object.js';
import { parseJson } from './parse-json.js';

/** JSON text as an object, or undefined when it is not JSON or not an object. */
export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  const value = parseJson(text);
  return isPlainObject(value) ? value : undefined;
}
