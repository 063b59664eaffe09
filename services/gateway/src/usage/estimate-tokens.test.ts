import { countTokens } from 'gpt-tokenizer';
import { describe, expect, it } from 'vitest';
import { estimateTokens } from './estimate-tokens.js';

describe('estimateTokens', () => {
  it('counts short texts exactly', () => {
    const texts = ['The quick brown fox', ' jumps over the lazy dog.', ''];
    expect(estimateTokens(texts)).toBe(texts.reduce((sum, text) => sum + countTokens(text), 0));
    expect(estimateTokens([])).toBe(0);
  });

  it('samples a long text and scales, within a few percent of the exact count', () => {
    const words = Array.from({ length: 60_000 }, (_, index) => `word${index % 997}`).join(' ');
    const exact = countTokens(words);
    const estimate = estimateTokens([words.slice(0, 1_000), words.slice(1_000)]);
    expect(Math.abs(estimate - exact) / exact).toBeLessThan(0.05);
  });
});
