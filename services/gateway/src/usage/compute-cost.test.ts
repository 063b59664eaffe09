import { describe, expect, it } from 'vitest';
import { computeCost } from './compute-cost.js';

const gpt4o = {
  prompt: '0.0000025',
  completion: '0.00001',
  cachedPrompt: '0.00000125',
  reasoning: undefined,
};

describe('computeCost', () => {
  it('prices prompt and completion tokens exactly', () => {
    const usage = {
      promptTokens: 1000,
      completionTokens: 500,
      cachedTokens: 0,
      reasoningTokens: 0,
    };
    expect(computeCost(usage, gpt4o)).toBe('0.0075');
  });

  it('bills cached prompt tokens at the cached rate', () => {
    const usage = {
      promptTokens: 1000,
      completionTokens: 0,
      cachedTokens: 400,
      reasoningTokens: 0,
    };
    // 600 × 2.5e-6 + 400 × 1.25e-6
    expect(computeCost(usage, gpt4o)).toBe('0.002');
  });

  it('bills reasoning tokens at their own rate when the route has one', () => {
    const usage = { promptTokens: 0, completionTokens: 10, cachedTokens: 0, reasoningTokens: 4 };
    const pricing = {
      prompt: '0',
      completion: '0.000001',
      cachedPrompt: undefined,
      reasoning: '0.000003',
    };
    expect(computeCost(usage, pricing)).toBe('0.000018');
  });
});

describe('computeCost of prompt-cache writes', () => {
  const claude = {
    prompt: '0.000003',
    completion: '0.000015',
    cachedPrompt: '0.0000003',
    reasoning: undefined,
    cacheWrite: '0.00000375',
    cacheWrite1h: '0.000006',
  };

  it('bills 5-minute and 1-hour cache writes at their own rates', () => {
    const usage = {
      promptTokens: 1000,
      completionTokens: 10,
      cachedTokens: 200,
      reasoningTokens: 0,
      cacheWriteTokens: 500,
      cacheWrite1hTokens: 100,
    };
    // 300 × 3e-6 + 200 × 0.3e-6 + 400 × 3.75e-6 + 100 × 6e-6 + 10 × 15e-6
    expect(computeCost(usage, claude)).toBe('0.00321');
  });

  it('bills cache writes at the prompt rate when the route has no write rate', () => {
    const usage = {
      promptTokens: 1000,
      completionTokens: 0,
      cachedTokens: 0,
      reasoningTokens: 0,
      cacheWriteTokens: 1000,
      cacheWrite1hTokens: 0,
    };
    const pricing = { ...claude, cacheWrite: undefined, cacheWrite1h: undefined };
    expect(computeCost(usage, pricing)).toBe('0.003');
  });

  it('bills 1-hour writes at the 5-minute rate when only that is set', () => {
    const usage = {
      promptTokens: 100,
      completionTokens: 0,
      cachedTokens: 0,
      reasoningTokens: 0,
      cacheWriteTokens: 100,
      cacheWrite1hTokens: 100,
    };
    expect(computeCost(usage, { ...claude, cacheWrite1h: undefined })).toBe('0.000375');
  });
});

describe('computeCost beyond what a number holds exactly', () => {
  it('stays exact when the total passes 2^53 units', () => {
    const usage = {
      promptTokens: 100_000_000,
      completionTokens: 3,
      cachedTokens: 0,
      reasoningTokens: 0,
    };
    const pricing = {
      prompt: '0.123456789',
      completion: '0.000000001',
      cachedPrompt: undefined,
      reasoning: undefined,
    };
    expect(computeCost(usage, pricing)).toBe('12345678.900000003');
  });

  it('stays exact when a rate at the common scale passes 2^53 units', () => {
    const usage = { promptTokens: 7, completionTokens: 2, cachedTokens: 0, reasoningTokens: 0 };
    const pricing = {
      prompt: '0.000000000000000001',
      completion: '1000',
      cachedPrompt: undefined,
      reasoning: undefined,
    };
    expect(computeCost(usage, pricing)).toBe('2000.000000000000000007');
  });
});
