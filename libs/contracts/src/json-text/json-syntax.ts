/** The index of the first character at or after `from` that is not JSON white space. */
export function skipJsonSpace(text: string, from: number): number {
  let index = from;
  while (isJsonSpace(text.charCodeAt(index))) index++;
  return index;
}

/** Whether the character code is JSON white space: space, line feed, carriage return or tab. */
export function isJsonSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

export const QUOTE = 0x22;
export const BACKSLASH = 0x5c;
export const COLON = 0x3a;
export const COMMA = 0x2c;
export const OPEN_BRACE = 0x7b;
export const CLOSE_BRACE = 0x7d;
export const OPEN_BRACKET = 0x5b;
export const CLOSE_BRACKET = 0x5d;
