import { afterJsonString } from './after-json-string.js';
import {
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COLON,
  COMMA,
  isJsonSpace,
  OPEN_BRACE,
  OPEN_BRACKET,
  QUOTE,
  skipJsonSpace,
} from './json-syntax.js';

/**
 * Called for each member of an object with its key (unescaped) and where its value's text
 * begins, before the value is skipped: `afterJsonValue(text, start)` is where it ends. Returning
 * `false` stops the visit there, so nothing after a member that was all a caller wanted is read.
 */
export type JsonMemberVisitor = (key: string, start: number) => boolean;

/**
 * Visits the members of the JSON object whose `{` is at `open`, in order, without parsing their
 * values: each is skipped over (strings by searching for their closing quote, objects and arrays
 * by counting brackets outside strings), so reading one member of a large object costs a scan,
 * not a parse and its garbage. Answers whether the object was read to its closing `}`; `false`
 * when `visit` stopped early or the text is not a well-formed object there (what was visited
 * before is then all there is). Values are only located: a caller parses the few it reads, and
 * those parses refuse what is not JSON.
 */
export function visitJsonMembers(text: string, open: number, visit: JsonMemberVisitor): boolean {
  if (text.charCodeAt(open) !== OPEN_BRACE) return false;
  let index = skipJsonSpace(text, open + 1);
  if (text.charCodeAt(index) === CLOSE_BRACE) return true;
  while (index < text.length) {
    if (text.charCodeAt(index) !== QUOTE) return false;
    const afterKey = afterJsonString(text, index + 1);
    if (afterKey === -1) return false;
    const colon = skipJsonSpace(text, afterKey);
    if (text.charCodeAt(colon) !== COLON) return false;
    const start = skipJsonSpace(text, colon + 1);
    if (!visit(keyOf(text, index, afterKey), start)) return false;
    const end = afterJsonValue(text, start);
    if (end === -1) return false;
    index = skipJsonSpace(text, end);
    const code = text.charCodeAt(index);
    if (code === CLOSE_BRACE) return true;
    if (code !== COMMA) return false;
    index = skipJsonSpace(text, index + 1);
  }
  return false;
}

/**
 * The index after the JSON value that begins at `start`, or -1 when the text ends first. A
 * counter, no recursion: however deeply the value nests, the stack does not grow.
 */
export function afterJsonValue(text: string, start: number): number {
  const first = text.charCodeAt(start);
  if (first === QUOTE) return afterJsonString(text, start + 1);
  if (first !== OPEN_BRACE && first !== OPEN_BRACKET) {
    // A number, `true`, `false` or `null`: it ends where a delimiter or white space begins.
    let index = start;
    while (index < text.length && !isDelimiter(text.charCodeAt(index))) index++;
    return index === start ? -1 : index;
  }
  let depth = 0;
  let index = start;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code === QUOTE) {
      index = afterJsonString(text, index + 1);
      if (index === -1) return -1;
      continue;
    }
    if (code === OPEN_BRACE || code === OPEN_BRACKET) depth++;
    else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      depth--;
      if (depth === 0) return index + 1;
    }
    index++;
  }
  return -1;
}

/** The key whose quotes are at `quote` and `end - 1`, unescaped. */
function keyOf(text: string, quote: number, end: number): string {
  const key = text.slice(quote + 1, end - 1);
  if (!key.includes('\\')) return key;
  try {
    return JSON.parse(text.slice(quote, end)) as string;
  } catch {
    // Not a valid string: no member of that name is read from it.
    return '';
  }
}

function isDelimiter(code: number): boolean {
  return (
    code === COMMA ||
    code === CLOSE_BRACE ||
    code === CLOSE_BRACKET ||
    code === COLON ||
    isJsonSpace(code)
  );
}
