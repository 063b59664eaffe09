const QUOTE = '"';
const BACKSLASH = 0x5c;

/**
 * The index after the quote that closes the JSON string whose contents begin at `start` (just
 * after its opening quote), or -1 when nothing closes it. `indexOf` finds each candidate quote,
 * so a string's contents are never read one character at a time in JavaScript (most of a
 * request's bytes are in strings); a quote after an odd run of backslashes is escaped.
 */
export function afterJsonString(text: string, start: number): number {
  let quote = text.indexOf(QUOTE, start);
  while (quote !== -1) {
    let before = quote - 1;
    while (before >= start && text.charCodeAt(before) === BACKSLASH) before -= 1;
    if ((quote - 1 - before) % 2 === 0) return quote + 1;
    quote = text.indexOf(QUOTE, quote + 1);
  }
  return -1;
}
