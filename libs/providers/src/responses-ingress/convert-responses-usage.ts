import type { ResponsesUsage, TokenUsage } from '@switchyard/contracts';

/** A Response's usage in the gateway's terms (output tokens include reasoning, input cached). */
export function convertResponsesUsage(usage: ResponsesUsage): TokenUsage {
  return {
    promptTokens: usage.input_tokens,
    completionTokens: usage.output_tokens,
    cachedTokens: usage.input_tokens_details?.cached_tokens ?? 0,
    reasoningTokens: usage.output_tokens_details?.reasoning_tokens ?? 0,
  };
}
