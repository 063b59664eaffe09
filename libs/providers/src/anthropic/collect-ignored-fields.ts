import type { ChatCompletionRequest } from '@switchyard/contracts';
import { ignoredFieldWarning } from './ignored-field-warning.js';

/** Request fields the Anthropic adapter translates (or that only steer Switchyard's routing). */
const TRANSLATED_FIELDS: ReadonlySet<string> = new Set([
  'model',
  'messages',
  'stream',
  'stream_options',
  'temperature',
  'top_p',
  'max_tokens',
  'max_completion_tokens',
  'stop',
  'n',
  'user',
  'tools',
  'tool_choice',
  'parallel_tool_calls',
  'response_format',
  'models',
  'provider',
]);

/** Fields whose OpenAI default (the value that asks for nothing) is 0. */
const ZERO_DEFAULT: ReadonlySet<string> = new Set(['frequency_penalty', 'presence_penalty']);

/**
 * Warns for every other field that asks for something (`seed`, `frequency_penalty`,
 * `presence_penalty`, `logit_bias`, `logprobs`, and any field unknown here), since Anthropic has
 * no equivalent and the field is not sent. A field set to null, false, {} or [] (or a penalty of
 * 0) asks for nothing, so dropping it changes nothing and is not reported.
 */
export function collectIgnoredFields(request: ChatCompletionRequest, warnings: Set<string>): void {
  for (const [field, value] of Object.entries(request)) {
    if (TRANSLATED_FIELDS.has(field) || !asksForSomething(field, value)) continue;
    warnings.add(ignoredFieldWarning(field));
  }
}

function asksForSomething(field: string, value: unknown): boolean {
  if (value === null || value === undefined || value === false) return false;
  if (ZERO_DEFAULT.has(field) && value === 0) return false;
  if (typeof value === 'object' && Object.keys(value).length === 0) return false;
  return true;
}
