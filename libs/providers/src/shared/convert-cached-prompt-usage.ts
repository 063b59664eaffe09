import type { TokenUsage } from '@switchyard/contracts';

/** The OpenAI `usage` object sent to clients for an answer whose provider counts cache use apart. */
export interface OpenAiUsageBody {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details: { cached_tokens: number; cache_write_tokens: number };
  completion_tokens_details: { reasoning_tokens: number };
}

/** Usage in the gateway's terms and in OpenAI's. */
export interface ConvertedUsage {
  tokens: TokenUsage;
  body: OpenAiUsageBody;
}

/** Input counted apart: uncached, read from the cache, written to it (and of those, for 1 hour). */
export interface CachedPromptCounts {
  uncached: number;
  cacheRead: number;
  cacheWrite: number;
  cacheWrite1h: number;
  output: number;
}

/**
 * For providers that count uncached, cache-read and cache-written input separately (Anthropic,
 * Claude on Bedrock's Converse): OpenAI's `prompt_tokens` includes cached tokens, so it is their
 * sum, with reads as `cached_tokens` and writes as `prompt_tokens_details.cache_write_tokens`.
 * Writes are kept apart in the gateway's usage too — they cost more than plain input, the
 * 1-hour part of them more still. Thinking is inside the output and is not counted again.
 */
export function convertCachedPromptUsage(counts: CachedPromptCounts): ConvertedUsage {
  const { cacheRead, cacheWrite, output } = counts;
  const promptTokens = counts.uncached + cacheRead + cacheWrite;
  const tokens: TokenUsage = {
    promptTokens,
    completionTokens: output,
    cachedTokens: cacheRead,
    reasoningTokens: 0,
  };
  if (cacheWrite > 0) {
    tokens.cacheWriteTokens = cacheWrite;
    tokens.cacheWrite1hTokens = Math.min(counts.cacheWrite1h, cacheWrite);
  }
  return {
    tokens,
    body: {
      prompt_tokens: promptTokens,
      completion_tokens: output,
      total_tokens: promptTokens + output,
      prompt_tokens_details: { cached_tokens: cacheRead, cache_write_tokens: cacheWrite },
      completion_tokens_details: { reasoning_tokens: 0 },
    },
  };
}
