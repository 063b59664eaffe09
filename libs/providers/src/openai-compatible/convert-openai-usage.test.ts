import { describe, expect, it } from 'vitest';
import { convertOpenAiUsage } from './convert-openai-usage.js';

describe('convertOpenAiUsage', () => {
  it('keeps cached reads, reasoning and cache writes apart, for pricing', () => {
    expect(
      convertOpenAiUsage({
        prompt_tokens: 100,
        completion_tokens: 20,
        prompt_tokens_details: { cached_tokens: 30, cache_write_tokens: 50 },
        completion_tokens_details: { reasoning_tokens: 5 },
      }),
    ).toEqual({
      promptTokens: 100,
      completionTokens: 20,
      cachedTokens: 30,
      reasoningTokens: 5,
      cacheWriteTokens: 50,
      cacheWrite1hTokens: 0,
    });
  });

  it('reports no cache writes when there were none, and the cost an upstream gives', () => {
    expect(convertOpenAiUsage({ prompt_tokens: 3, completion_tokens: 1, cost: 0.0004 })).toEqual({
      promptTokens: 3,
      completionTokens: 1,
      cachedTokens: 0,
      reasoningTokens: 0,
      costUsd: '0.0004',
    });
  });
});
