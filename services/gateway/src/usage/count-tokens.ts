import { createRequire } from 'node:module';

type Tokenizer = Pick<typeof import('gpt-tokenizer'), 'countTokens'>;

let tokenizer: Tokenizer | undefined;

/**
 * o200k tokens of `text`. The tokenizer (its tables take ~50 MB and hundreds of milliseconds to
 * load) is loaded on the first count, not at start: most requests never need one.
 */
export function countTokens(text: string): number {
  tokenizer ??= createRequire(import.meta.url)('gpt-tokenizer') as Tokenizer;
  return tokenizer.countTokens(text);
}
