import { hash } from 'node:crypto';
import { createRequire } from 'node:module';

type Tokenizer = Pick<typeof import('gpt-tokenizer'), 'countTokens'>;

/** How `createTokenCounter` remembers: texts from `minChars` on, `maxEntries` counts at most. */
export interface RememberedCounts {
  minChars: number;
  maxEntries: number;
}

/**
 * `tokenize` remembering the counts of long texts by their SHA-256, the first remembered
 * forgotten first. Coding agents send the whole conversation again with every turn, and a
 * budget's reservation counts all of it (a 110 KB conversation took ~1.8 ms to count): remembered,
 * only what is new in a turn is counted. Hashing a text costs a small part of counting it, from a
 * few hundred characters on.
 */
export function createTokenCounter(
  tokenize: (text: string) => number,
  remember: RememberedCounts,
): (text: string) => number {
  const counts = new Map<string, number>();
  return (text) => {
    if (text.length < remember.minChars) return tokenize(text);
    const digest = hash('sha256', text, 'base64');
    const known = counts.get(digest);
    if (known !== undefined) return known;
    const count = tokenize(text);
    if (counts.size >= remember.maxEntries) counts.delete(counts.keys().next().value as string);
    counts.set(digest, count);
    return count;
  };
}

let tokenizer: Tokenizer | undefined;

/**
 * o200k tokens of `text`, long texts' counts remembered (~100 bytes each). The tokenizer (its
 * tables take ~50 MB and hundreds of milliseconds to load) is loaded on the first count, not at
 * start: most requests never need one.
 */
export const countTokens = createTokenCounter(
  (text) => {
    tokenizer ??= createRequire(import.meta.url)('gpt-tokenizer') as Tokenizer;
    return tokenizer.countTokens(text);
  },
  { minChars: 256, maxEntries: 32_768 },
);
