import type { OpenAiUsage, TokenUsage } from '@switchyard/contracts';

/** OpenAI's usage object in the gateway's terms. */
export function convertOpenAiUsage(usage: OpenAiUsage): TokenUsage {
  return {
    promptTokens: usage.prompt_tokens,
    completionTokens: usage.completion_tokens ?? 0,
    cachedTokens: usage.prompt_tokens_details?.cached_tokens ?? 0,
    reasoningTokens: usage.completion_tokens_details?.reasoning_tokens ?? 0,
  };
}
