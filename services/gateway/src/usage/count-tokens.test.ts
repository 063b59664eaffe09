import { countTokens as o200kCount } from 'gpt-tokenizer';
import { describe, expect, it } from 'vitest';
import { countTokens, createTokenCounter } from './count-tokens.js';

function counter() {
  const tokenized: string[] = [];
  const count = createTokenCounter(
    (text) => {
      tokenized.push(text);
      return text.split(' ').length;
    },
    { minChars: 10, maxEntries: 2 },
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

  it('remembers at most its bound, the first forgotten first', () => {
    const { count, tokenized } = counter();
    const texts = ['text number one', 'text number two', 'text number three'];
    for (const text of texts) count(text);
    tokenized.length = 0;
    for (const text of [...texts].reverse()) count(text);
    // The third pushed the first out; the other two are still known.
    expect(tokenized).toEqual(['text number one']);
  });
});
