import { describe, expect, it } from 'vitest';
import type { Answer } from './answer.js';
import { resolveUsage } from './resolve-usage.js';

const answer = (tokens: number): Answer => ({
  completionTokens: () => tokens,
  json: () => ({}),
  truncated: false,
});
const reported = { promptTokens: 10, completionTokens: 5, cachedTokens: 2, reasoningTokens: 1 };
const estimates = { prompt: () => 12, answer: answer(7) };

describe('resolveUsage', () => {
  it('takes the provider’s usage of a complete answer', () => {
    expect(resolveUsage('complete', reported, estimates)).toEqual({
      usage: reported,
      source: 'provider',
    });
  });

  it('estimates prompt and completion when the provider reported none', () => {
    expect(resolveUsage('complete', undefined, estimates)).toEqual({
      usage: { promptTokens: 12, completionTokens: 7, cachedTokens: 0, reasoningTokens: 0 },
      source: 'estimated',
    });
    expect(resolveUsage('complete', undefined, { prompt: () => 4, answer: undefined })).toEqual({
      usage: { promptTokens: 4, completionTokens: 0, cachedTokens: 0, reasoningTokens: 0 },
      source: 'estimated',
    });
  });

  it('raises a cut stream’s reported usage to what the client had received', () => {
    expect(resolveUsage('partial', reported, { prompt: () => 12, answer: answer(3) })).toEqual({
      usage: reported,
      source: 'partial',
    });
    expect(resolveUsage('partial', { ...reported, costUsd: '1' }, estimates)).toEqual({
      usage: { promptTokens: 10, completionTokens: 7, cachedTokens: 2, reasoningTokens: 1 },
      source: 'partial',
    });
    expect(resolveUsage('partial', undefined, estimates)).toEqual({
      usage: { promptTokens: 12, completionTokens: 7, cachedTokens: 0, reasoningTokens: 0 },
      source: 'partial',
    });
  });

  it('keeps the cache writes a cut stream reported at its start, priced as writes', () => {
    // Anthropic's message_start: the input and its cache writes, one output token so far.
    const started = {
      ...reported,
      completionTokens: 1,
      cacheWriteTokens: 6,
      cacheWrite1hTokens: 2,
    };
    expect(resolveUsage('partial', started, estimates)).toEqual({
      usage: {
        promptTokens: 10,
        completionTokens: 7,
        cachedTokens: 2,
        reasoningTokens: 1,
        cacheWriteTokens: 6,
        cacheWrite1hTokens: 2,
      },
      source: 'partial',
    });
  });

  it('records nothing for a request no answer reached', () => {
    expect(resolveUsage('none', undefined, estimates)).toEqual({
      usage: undefined,
      source: 'none',
    });
    expect(resolveUsage('none', reported, estimates)).toEqual({
      usage: reported,
      source: 'partial',
    });
  });
});
