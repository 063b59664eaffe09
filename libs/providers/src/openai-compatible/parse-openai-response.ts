import { openAiUsageSchema } from '@switchyard/contracts';
import type { ParsedResponse } from '../provider-adapter.js';
import { ProviderError } from '../provider-error.js';
import { isPlainObject } from '../shared/is-plain-object.js';
import { convertOpenAiUsage } from './convert-openai-usage.js';

/**
 * A chat completion body, checked for the fields the gateway reads (servers vary in the rest:
 * content parts, extra fields) and forwarded as written. Checked by hand, not by a schema: the
 * body is the one the client gets, so it is neither cloned nor rebuilt on the hot path; only the
 * small `usage` object goes through its schema.
 */
export function parseOpenAiResponse(body: unknown): ParsedResponse {
  if (!isPlainObject(body) || !Array.isArray(body.choices) || !body.choices.every(isChoice)) {
    throw ProviderError.malformed('chat completion');
  }
  let usage: ParsedResponse['usage'];
  if (body.usage !== undefined && body.usage !== null) {
    const parsed = openAiUsageSchema.safeParse(body.usage);
    if (!parsed.success) throw ProviderError.malformed('chat completion');
    usage = convertOpenAiUsage(parsed.data);
  }
  return { body, usage, passThrough: true };
}

function isChoice(choice: unknown): boolean {
  return isPlainObject(choice) && (choice.index === undefined || Number.isInteger(choice.index));
}
