import { openAiUsageSchema } from '@switchyard/contracts';
import { z } from 'zod';
import type { ParsedResponse } from '../provider-adapter.js';
import { ProviderError } from '../provider-error.js';
import { convertOpenAiUsage } from './convert-openai-usage.js';

const embeddingsSchema = z.looseObject({
  data: z.array(z.looseObject({ embedding: z.unknown() })),
  usage: openAiUsageSchema.nullable().optional(),
});

/** An embeddings body, checked for the fields the gateway reads; forwarded as written. */
export function parseOpenAiEmbeddingsResponse(body: unknown): ParsedResponse {
  const result = embeddingsSchema.safeParse(body);
  if (!result.success) throw ProviderError.malformed('embeddings response');
  const usage = result.data.usage ? convertOpenAiUsage(result.data.usage) : undefined;
  return { body: result.data, usage, passThrough: true };
}
