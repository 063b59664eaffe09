import { openAiUsageSchema } from '@switchyard/contracts';
import { z } from 'zod';
import type { ParsedResponse } from '../provider-adapter.js';
import { ProviderError } from '../provider-error.js';
import { convertOpenAiUsage } from './convert-openai-usage.js';

const chatCompletionSchema = z.looseObject({
  choices: z.array(z.looseObject({ index: z.number().int().optional() })),
  usage: openAiUsageSchema.nullable().optional(),
});

const embeddingsSchema = z.looseObject({
  data: z.array(z.looseObject({ embedding: z.unknown() })),
  usage: openAiUsageSchema.nullable().optional(),
});

/** A chat completion body, checked for the fields the gateway reads. */
export function parseOpenAiChatResponse(body: unknown): ParsedResponse {
  return parseWith(chatCompletionSchema, body, 'chat completion');
}

/** An embeddings body, checked for the fields the gateway reads. */
export function parseOpenAiEmbeddingsResponse(body: unknown): ParsedResponse {
  return parseWith(embeddingsSchema, body, 'embeddings response');
}

function parseWith(
  schema: typeof chatCompletionSchema | typeof embeddingsSchema,
  body: unknown,
  what: string,
): ParsedResponse {
  const result = schema.safeParse(body);
  if (!result.success) {
    throw new ProviderError(`The provider returned a malformed ${what}.`, {
      kind: 'malformed_response',
      status: 200,
      code: null,
      retryable: false,
    });
  }
  const usage = result.data.usage ? convertOpenAiUsage(result.data.usage) : undefined;
  return { body: result.data, usage, passThrough: true };
}
