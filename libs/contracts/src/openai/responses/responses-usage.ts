import { z } from 'zod';

const count = z.number().int().nonnegative();

/** A Response's `usage`: output tokens include the reasoning tokens, input the cached ones. */
export const responsesUsageSchema = z.looseObject({
  input_tokens: count,
  input_tokens_details: z.looseObject({ cached_tokens: count.optional() }).nullish(),
  output_tokens: count,
  output_tokens_details: z.looseObject({ reasoning_tokens: count.optional() }).nullish(),
  total_tokens: count.optional(),
  /** USD, when Switchyard (or an upstream such as OpenRouter) reports what the request cost. */
  cost: z.number().optional(),
});
export type ResponsesUsage = z.infer<typeof responsesUsageSchema>;
