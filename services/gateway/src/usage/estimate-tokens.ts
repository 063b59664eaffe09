import { countTokens } from './count-tokens.js';

/** Characters counted exactly; past them the count is extrapolated (the tokenizer is synchronous). */
const EXACT_CHARS = 32 * 1024;

/**
 * o200k tokens of some texts, for usage a provider did not report: exact up to 32 Ki characters,
 * beyond that counted on the first 32 Ki and scaled by length, so a huge prompt or answer costs
 * the event loop about a millisecond instead of tens.
 */
export function estimateTokens(texts: readonly string[]): number {
  let chars = 0;
  let sampledChars = 0;
  let tokens = 0;
  for (const text of texts) {
    chars += text.length;
    const room = EXACT_CHARS - sampledChars;
    if (room <= 0 || text.length === 0) continue;
    const sample = text.length <= room ? text : text.slice(0, room);
    tokens += countTokens(sample);
    sampledChars += sample.length;
  }
  if (sampledChars === 0 || sampledChars === chars) return tokens;
  return Math.ceil((tokens * chars) / sampledChars);
}
