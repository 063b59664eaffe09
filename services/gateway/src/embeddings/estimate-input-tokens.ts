import type { EmbeddingsRequest } from '@switchyard/contracts';
import { countTokens } from '../usage/count-tokens.js';

/**
 * Tokens of an embeddings input, for when the provider reports no usage: texts counted with
 * o200k, token arrays by their length.
 */
export function estimateInputTokens(input: EmbeddingsRequest['input']): number {
  if (typeof input === 'string') return countTokens(input);
  let tokens = 0;
  for (const item of input) {
    if (typeof item === 'string') tokens += countTokens(item);
    else if (typeof item === 'number') tokens += 1;
    else tokens += item.length;
  }
  return tokens;
}
