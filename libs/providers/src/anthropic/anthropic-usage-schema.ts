import { z } from 'zod';

const count = z.number().int().nonnegative();

/**
 * Anthropic's `usage` (in a message, and cumulative in `message_delta`). Total input is
 * `input_tokens + cache_creation_input_tokens + cache_read_input_tokens`; the cache fields are
 * null or absent when nothing was cached.
 */
export const anthropicUsageSchema = z.looseObject({
  input_tokens: count.nullable().optional(),
  output_tokens: count.nullable().optional(),
  cache_creation_input_tokens: count.nullable().optional(),
  cache_read_input_tokens: count.nullable().optional(),
  /** The cache writes by TTL; they sum to `cache_creation_input_tokens`. */
  cache_creation: z
    .looseObject({
      ephemeral_5m_input_tokens: count.nullable().optional(),
      ephemeral_1h_input_tokens: count.nullable().optional(),
    })
    .nullable()
    .optional(),
});
export type AnthropicUsage = z.infer<typeof anthropicUsageSchema>;
