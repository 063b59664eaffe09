/**
 * Splits text into one piece per word, each keeping the whitespace that follows it (leading
 * whitespace stays on the first piece), so the pieces concatenate back to the text.
 */
export function splitWords(text: string): string[] {
  const pieces = text.match(/\s*\S+\s*/g) ?? [];
  if (pieces.length === 0) return text === '' ? [] : [text];
  return pieces;
}
