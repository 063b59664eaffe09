import { describe, expect, it } from 'vitest';
import { ratesOf } from './rates-of.js';

describe('ratesOf', () => {
  it('parses a pricing once and hands back the same rates for it afterwards', () => {
    const pricing = {
      prompt: '0.0000025',
      completion: '0.00001',
      cachedPrompt: '0.00000125',
      reasoning: undefined,
    };
    const rates = ratesOf(pricing);
    expect(ratesOf(pricing)).toBe(rates);
    expect(rates).toMatchObject({
      promptNanos: 2_500,
      completionNanos: 10_000,
      reasoningNanos: 0,
      common: { scale: 8, prompt: 250, cachedPrompt: 125, completion: 1_000, reasoning: 1_000 },
    });
  });

  it('parses again when the pricing was changed in place', () => {
    const pricing = {
      prompt: '0.000001',
      completion: '0.000002',
      cachedPrompt: undefined,
      reasoning: undefined,
    };
    expect(ratesOf(pricing).promptNanos).toBe(1_000);
    pricing.prompt = '0.000003';
    expect(ratesOf(pricing).promptNanos).toBe(3_000);
  });

  it('rounds a price finer than a nano-USD up, as budget bounds must', () => {
    expect(
      ratesOf({
        prompt: '0.0000000001',
        completion: '0',
        cachedPrompt: undefined,
        reasoning: '0.0000000015',
      }),
    ).toMatchObject({ promptNanos: 1, completionNanos: 0, reasoningNanos: 2 });
  });
});
