import type { TokenUsage } from '@switchyard/contracts';
import type { BedrockUsage } from './bedrock-converse-schema.js';

/** The OpenAI `usage` object sent to clients for a Bedrock answer. */
export interface BedrockOpenAiUsageBody {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details: { cached_tokens: number; cache_write_tokens: number };
  completion_tokens_details: { reasoning_tokens: number };
}

/** Bedrock usage in the gateway's terms and in OpenAI's. */
export interface ConvertedBedrockUsage {
  tokens: TokenUsage;
  body: BedrockOpenAiUsageBody;
}

/**
 * Converse counts uncached input, cache reads and cache writes apart (its `totalTokens` adds all
 * of them); OpenAI's `prompt_tokens` includes cached input, so it is their sum, with reads as
 * `cached_tokens` and writes as `cache_write_tokens`. Reasoning is inside `outputTokens`.
 */
export function convertBedrockUsage(usage: BedrockUsage): ConvertedBedrockUsage {
  const cacheRead = usage.cacheReadInputTokens ?? 0;
  const cacheWrite = usage.cacheWriteInputTokens ?? 0;
  const promptTokens = (usage.inputTokens ?? 0) + cacheRead + cacheWrite;
  const completionTokens = usage.outputTokens ?? 0;
  return {
    tokens: { promptTokens, completionTokens, cachedTokens: cacheRead, reasoningTokens: 0 },
    body: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
      prompt_tokens_details: { cached_tokens: cacheRead, cache_write_tokens: cacheWrite },
      completion_tokens_details: { reasoning_tokens: 0 },
    },
  };
}
