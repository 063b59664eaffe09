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
