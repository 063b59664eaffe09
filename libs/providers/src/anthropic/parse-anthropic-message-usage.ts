import type { TokenUsage } from '@switchyard/contracts';
import { isPlainObject } from '../shared/is-plain-object.js';
import { anthropicUsageSchema } from './anthropic-usage-schema.js';
import { convertAnthropicUsage } from './convert-anthropic-usage.js';

/** The usage of a non-streamed Anthropic message, undefined when it has none readable. */
export function parseAnthropicMessageUsage(body: unknown): TokenUsage | undefined {
  if (!isPlainObject(body)) return undefined;
  const parsed = anthropicUsageSchema.safeParse(body.usage);
  return parsed.success && body.usage != null
    ? convertAnthropicUsage(parsed.data).tokens
    : undefined;
}
