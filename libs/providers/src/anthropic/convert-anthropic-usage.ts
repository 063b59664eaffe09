import type { TokenUsage } from '@switchyard/contracts';
import type { AnthropicUsage } from './anthropic-usage-schema.js';

/** The OpenAI `usage` object sent to clients for an Anthropic answer. */
export interface OpenAiUsageBody {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details: { cached_tokens: number; cache_write_tokens: number };
  completion_tokens_details: { reasoning_tokens: number };
}

/** Anthropic usage in the gateway's terms and in OpenAI's. */
export interface ConvertedUsage {
  tokens: TokenUsage;
  body: OpenAiUsageBody;
}

/**
 * Anthropic counts uncached, cache-read and cache-written input separately; OpenAI's
 * `prompt_tokens` includes cached tokens, so it is their sum, with reads as `cached_tokens` and
 * writes as `prompt_tokens_details.cache_write_tokens` (they cost more than plain input; the
 * 1-hour part of them, `cache_creation.ephemeral_1h_input_tokens`, more still). Thinking
 * is inside `output_tokens` and is not counted again.
 */
export function convertAnthropicUsage(usage: AnthropicUsage): ConvertedUsage {
  const cacheRead = usage.cache_read_input_tokens ?? 0;
  const cacheWrite = usage.cache_creation_input_tokens ?? 0;
  const promptTokens = (usage.input_tokens ?? 0) + cacheRead + cacheWrite;
  const completionTokens = usage.output_tokens ?? 0;
  const written1h = Math.min(usage.cache_creation?.ephemeral_1h_input_tokens ?? 0, cacheWrite);
  const tokens: TokenUsage = {
    promptTokens,
    completionTokens,
    cachedTokens: cacheRead,
    reasoningTokens: 0,
  };
  if (cacheWrite > 0) {
    tokens.cacheWriteTokens = cacheWrite;
    tokens.cacheWrite1hTokens = written1h;
  }
  return {
    tokens,
    body: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
      prompt_tokens_details: { cached_tokens: cacheRead, cache_write_tokens: cacheWrite },
      completion_tokens_details: { reasoning_tokens: 0 },
    },
  };
}
