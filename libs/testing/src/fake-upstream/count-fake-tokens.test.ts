import { describe, expect, it } from 'vitest';
import { countFakeTokens } from './count-fake-tokens.js';

describe('countFakeTokens', () => {
  it('counts whitespace-separated words', () => {
    expect(countFakeTokens('Echo: hello  big\nworld')).toBe(4);
  });

  it('is 0 for empty or blank text', () => {
    expect(countFakeTokens('')).toBe(0);
    expect(countFakeTokens(' \n\t ')).toBe(0);
  });
});
