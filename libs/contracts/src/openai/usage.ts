import { z } from 'zod';

const count = z.number().int().nonnegative();

/** The `usage` object of OpenAI responses, listing only what accounting reads. */
export const openAiUsageSchema = z.looseObject({
  prompt_tokens: count,
  completion_tokens: count.optional(),
  total_tokens: count.optional(),
  prompt_tokens_details: z
    .looseObject({
      cached_tokens: count.optional(),
      /** Input written to the prompt cache (OpenRouter for Claude; Switchyard's own answers). */
      cache_write_tokens: count.optional(),
    })
    .nullable()
    .optional(),
  completion_tokens_details: z
    .looseObject({ reasoning_tokens: count.optional() })
    .nullable()
    .optional(),
  /** USD the upstream charged (OpenRouter: credits, 1 credit = 1 USD). */
  cost: z.number().optional(),
  /** OpenRouter: the request used the caller's own provider key, billed by that provider. */
  is_byok: z.boolean().optional(),
  cost_details: z
    .looseObject({ upstream_inference_cost: z.number().nullable().optional() })
    .nullable()
    .optional(),
});
export type OpenAiUsage = z.infer<typeof openAiUsageSchema>;

/** Token counts as the gateway records them, whatever the provider. */
export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
  cachedTokens: number;
  reasoningTokens: number;
  /**
   * Prompt tokens written to a prompt cache (Anthropic's `cache_creation_input_tokens`), part of
   * `promptTokens` and billed at the cache-write rate; absent when the provider reports none.
   */
  cacheWriteTokens?: number;
  /** The part of `cacheWriteTokens` written for one hour (Anthropic's 1-hour TTL, a higher rate). */
  cacheWrite1hTokens?: number;
  /** Exact USD the upstream reported charging for the request, when it reports one. */
  costUsd?: string;
}
