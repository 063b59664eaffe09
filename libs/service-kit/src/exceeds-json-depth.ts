/**
 * Whether JSON text opens more than `maxDepth` nested objects or arrays. One pass with a
 * counter, no recursion, so the check itself cannot overflow the stack however deep the text
 * is; brackets inside strings do not count. Text shorter than the limit cannot exceed it and is
 * not read; a string's contents are skipped by searching for its closing quote (most of a
 * request's bytes are in strings: messages), not read one character at a time.
 */
export function exceedsJsonDepth(text: string, maxDepth: number): boolean {
  if (text.length <= maxDepth) return false;
  let depth = 0;
  let index = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code === QUOTE) {
      index = afterString(text, index + 1);
      continue;
    }
    if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      depth++;
      if (depth > maxDepth) return true;
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      depth--;
    }
    index++;
  }
  return false;
}

/** The index after the quote closing the string whose contents start at `start`, else the end. */
function afterString(text: string, start: number): number {
  let quote = text.indexOf('"', start);
  while (quote !== -1) {
    // Escaped when an odd number of backslashes precede it (`\"`, not `\\"`).
    let backslashes = 0;
    while (
      quote - backslashes - 1 >= start &&
      text.charCodeAt(quote - backslashes - 1) === BACKSLASH
    )
      backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    quote = text.indexOf('"', quote + 1);
  }
  return text.length;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
