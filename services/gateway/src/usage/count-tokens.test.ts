import { countTokens as o200kCount } from 'gpt-tokenizer';
import { describe, expect, it } from 'vitest';
import { countTokens, createTokenCounter } from './count-tokens.js';

function counter(maxEntries = 2) {
  const tokenized: string[] = [];
  const count = createTokenCounter(
    (text) => {
      tokenized.push(text);
      return text.split(' ').length;
    },
    { minChars: 10, maxEntries },
  );
  return { count, tokenized };
}

describe('countTokens', () => {
  it('counts o200k tokens, short texts and long ones alike, again and again', () => {
    const long = 'The quick brown fox jumps over the lazy dog. '.repeat(200);
    for (const text of ['', 'Hello, world!', long, long]) {
      expect(countTokens(text)).toBe(o200kCount(text));
    }
  });

  it('tokenizes a long text once, each long text by itself, a short one every time', () => {
    const { count, tokenized } = counter();
    const first = 'one two three four';
    const second = 'one two three fuor';
    expect([count(first), count(first), count(second), count(second)]).toEqual([4, 4, 4, 4]);
    expect([count('a b'), count('a b')]).toEqual([2, 2]);
    expect(tokenized).toEqual([first, second, 'a b', 'a b']);
  });

  it('remembers at most its bound, keeping what is read again, forgetting the rest', () => {
    const { count, tokenized } = counter(4);
    const [a, b, c, d] = ['text a is long', 'text b is long', 'text c is long', 'text d is long'];
    for (const text of [a, b, c, a, d]) count(text);
    expect(tokenized).toEqual([a, b, c, d]);
    // Four counts at most: `a`, read again, outlived `b`, which was not.
    tokenized.length = 0;
    for (const text of [a, c, d, b]) count(text);
    expect(tokenized).toEqual([b]);
  });
});
