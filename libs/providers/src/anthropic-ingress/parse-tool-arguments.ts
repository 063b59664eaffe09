import { isPlainObject } from '../shared/is-plain-object.js';
import { parseJson } from '../shared/parse-json.js';

/**
 * OpenAI tool-call arguments (a JSON string) as an Anthropic `input` object. Empty arguments are
 * `{}`; arguments that are not a JSON object are kept as `{ raw_arguments }`, so the client sees
 * what the model wrote (as a streaming client would) instead of silently running with no input.
 */
export function parseToolArguments(text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  const value = parseJson(text);
  return isPlainObject(value) ? value : { raw_arguments: text };
}
