import { openAiUsageSchema } from '@switchyard/contracts';
import { z } from 'zod';

const count = z.number().int().nonnegative();

/** OpenAI usage plus the cache-write count some servers (OpenRouter) report. */
const usageSchema = openAiUsageSchema.extend({
  prompt_tokens_details: z
    .looseObject({ cached_tokens: count.optional(), cache_write_tokens: count.optional() })
    .nullable()
    .optional(),
});

/** Anthropic's `usage`: input tokens exclude the cache reads and writes counted beside them. */
export interface MessagesUsage {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
}

/**
 * An OpenAI `usage` object in Anthropic's terms, or undefined when there is none. OpenAI counts
 * cached tokens inside `prompt_tokens`; Anthropic counts them apart, so they are subtracted.
 */
export function toMessagesUsage(usage: unknown): MessagesUsage | undefined {
  if (usage == null) return undefined;
  const parsed = usageSchema.safeParse(usage);
  if (!parsed.success) return undefined;
  const details = parsed.data.prompt_tokens_details;
  const cacheRead = details?.cached_tokens ?? 0;
  const cacheWrite = details?.cache_write_tokens ?? 0;
  return {
    input_tokens: Math.max(0, parsed.data.prompt_tokens - cacheRead - cacheWrite),
    output_tokens: parsed.data.completion_tokens ?? 0,
    cache_creation_input_tokens: cacheWrite,
    cache_read_input_tokens: cacheRead,
  };
}
