/**
 * The fake upstream's tokenizer: one token per whitespace-separated word, 0 for empty or blank
 * text. Exported so tests can compute the usage the fake will report.
 */
export function countFakeTokens(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/).length;
}
