import { z } from 'zod';

const count = z.number().int().nonnegative();

/** The `usage` object of OpenAI responses, listing only what accounting reads. */
export const openAiUsageSchema = z.looseObject({
  prompt_tokens: count,
  completion_tokens: count.optional(),
  total_tokens: count.optional(),
  prompt_tokens_details: z.looseObject({ cached_tokens: count.optional() }).nullable().optional(),
  completion_tokens_details: z
    .looseObject({ reasoning_tokens: count.optional() })
    .nullable()
    .optional(),
  cost: z.number().optional(),
});
export type OpenAiUsage = z.infer<typeof openAiUsageSchema>;

/** Token counts as the gateway records them, whatever the provider. */
export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
  cachedTokens: number;
  reasoningTokens: number;
}
