import { hash } from 'node:crypto';
import { createRequire } from 'node:module';

type Tokenizer = Pick<typeof import('gpt-tokenizer'), 'countTokens'>;

/** How `createTokenCounter` remembers: texts from `minChars` on, `maxEntries` counts at most. */
export interface RememberedCounts {
  minChars: number;
  maxEntries: number;
}

/**
 * `tokenize` remembering the counts of long texts by their SHA-256. Coding agents send the whole
 * conversation again with every turn, and a budget's reservation counts all of it (a 110 KB
 * conversation took ~2.5 ms to count): remembered, only what is new in a turn is counted. Two
 * generations of up to `maxEntries / 2` counts each: a full one becomes the previous and the
 * one before is dropped whole, and a count read from the previous moves to the current, so the
 * texts every turn repeats (system prompt, tools) stay. (Deleting a Map's oldest entry one by one
 * costs ~12 µs at 32k entries: V8 walks the deleted slots before it.)
 */
export function createTokenCounter(
  tokenize: (text: string) => number,
  remember: RememberedCounts,
): (text: string) => number {
  const generation = Math.max(1, Math.floor(remember.maxEntries / 2));
  let current = new Map<string, number>();
  let previous = new Map<string, number>();
  const keep = (digest: string, count: number): void => {
    if (current.size >= generation) {
      previous = current;
      current = new Map();
    }
    current.set(digest, count);
  };
  return (text) => {
    if (text.length < remember.minChars) return tokenize(text);
    const digest = hash('sha256', text, 'base64');
    const known = current.get(digest);
    if (known !== undefined) return known;
    const count = previous.get(digest) ?? tokenize(text);
    keep(digest, count);
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
