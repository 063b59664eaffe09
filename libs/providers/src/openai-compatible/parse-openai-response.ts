import { openAiUsageSchema } from '@switchyard/contracts';
import { z } from 'zod';
import type { ParsedResponse } from '../provider-adapter.js';
import { ProviderError } from '../provider-error.js';
import { convertOpenAiUsage } from './convert-openai-usage.js';

/** Only what the gateway reads: servers vary in the rest (content parts, extra fields). */
const chatCompletionSchema = z.looseObject({
  choices: z.array(z.looseObject({ index: z.number().int().optional() })),
  usage: openAiUsageSchema.nullable().optional(),
});

/** A chat completion body, checked for the fields the gateway reads; forwarded as written. */
export function parseOpenAiResponse(body: unknown): ParsedResponse {
  const result = chatCompletionSchema.safeParse(body);
  if (!result.success) throw ProviderError.malformed('chat completion');
  const usage = result.data.usage ? convertOpenAiUsage(result.data.usage) : undefined;
  return { body: result.data, usage, passThrough: true };
}
