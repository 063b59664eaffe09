import { z } from 'zod';

const count = z.number().int().nonnegative();

/** Converse's `usage` (listing only the fields read); cache counts are apart from `inputTokens`. */
export const bedrockUsageSchema = z.looseObject({
  inputTokens: count.optional(),
  outputTokens: count.optional(),
  cacheReadInputTokens: count.optional(),
  cacheWriteInputTokens: count.optional(),
});
export type BedrockUsage = z.infer<typeof bedrockUsageSchema>;

/** One content block of an answer: text, a tool call, reasoning, or a kind added later. */
export const bedrockOutputBlockSchema = z.looseObject({
  text: z.string().optional(),
  toolUse: z
    .looseObject({ toolUseId: z.string(), name: z.string(), input: z.unknown() })
    .optional(),
  reasoningContent: z
    .looseObject({ reasoningText: z.looseObject({ text: z.string().optional() }).optional() })
    .optional(),
});

/** A Converse response body. */
export const bedrockConverseResponseSchema = z.looseObject({
  output: z.looseObject({
    message: z.looseObject({
      role: z.literal('assistant'),
      content: z.array(bedrockOutputBlockSchema),
    }),
  }),
  stopReason: z.string().nullish(),
  usage: bedrockUsageSchema.nullish(),
});
export type BedrockConverseResponse = z.infer<typeof bedrockConverseResponseSchema>;
