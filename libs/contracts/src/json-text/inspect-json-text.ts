import { afterJsonString } from './after-json-string.js';
import type { JsonMember, JsonObjectText } from './json-object-text.js';
import {
  BACKSLASH,
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
 * What {@link inspectJsonText} found: objects and arrays nested too deeply; a key that may be
 * `__proto__` or `constructor` (what the prototype-poisoning checks look for); or neither.
 */
export type JsonTextFinding = 'too-deep' | 'suspect-key' | 'plain';

export interface JsonTextInspection {
  readonly finding: JsonTextFinding;
  /**
   * The top-level object with its members located, when asked to locate them; undefined for any
   * other text, or too deep.
   */
  readonly object: JsonObjectText | undefined;
}

const TOO_DEEP: JsonTextInspection = { finding: 'too-deep', object: undefined };

/**
 * One pass over JSON text: whether it opens more than `maxDepth` nested objects or arrays,
 * whether any key may be `__proto__` or `constructor` (written plainly or with escapes), and
 * (with `locateMembers`) where the top-level object's members are. A counter, no recursion, so the scan cannot overflow
 * the stack however deep the text is; brackets inside strings do not count, and a string's
 * contents are skipped by searching for its closing quote. Text that is not JSON gets an answer
 * too (parsing it then refuses it); the members are only meaningful for text that parses.
 */
export function inspectJsonText(
  text: string,
  maxDepth: number,
  options: { locateMembers: boolean },
): JsonTextInspection {
  let depth = 0;
  let suspect = false;
  let index = skipJsonSpace(text, 0);
  const isObject = options.locateMembers && text.charCodeAt(index) === OPEN_BRACE;
  const members: JsonMember[] = [];
  // The member being read: its key, where the key and the value begin, where the value ends.
  let key: string | undefined;
  let keyStart = 0;
  let start = 0;
  let end = 0;
  let closing = -1;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code === QUOTE) {
      const after = afterJsonString(text, index + 1);
      if (after === -1) break;
      const length = after - index - 2;
      // Only keys matter here: a top-level one, or one as long as the two names.
      if (depth === 1 || length >= 9) {
        const colon = skipJsonSpace(text, after);
        if (text.charCodeAt(colon) === COLON) {
          if (!suspect && isSuspectName(text, index + 1, after)) suspect = true;
          if (depth === 1 && isObject) {
            if (key !== undefined) members.push({ key, keyStart, start, end });
            key = decodeKey(text, index, after);
            keyStart = index;
            start = skipJsonSpace(text, colon + 1);
          }
          index = colon + 1;
          continue;
        }
      }
      if (depth === 1) end = after;
      index = after;
      continue;
    }
    if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      depth++;
      if (depth > maxDepth) return TOO_DEEP;
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      depth--;
      if (depth === 1) end = index + 1;
      else if (depth === 0 && closing === -1) {
        closing = index;
        if (key !== undefined) members.push({ key, keyStart, start, end });
      }
    } else if (depth === 1 && code !== COMMA && !isJsonSpace(code)) {
      // A number, `true`, `false` or `null` at the top level: it ends after its last character.
      end = index + 1;
    }
    index++;
  }
  return {
    finding: suspect ? 'suspect-key' : 'plain',
    object: isObject && closing !== -1 ? { text, members, closing } : undefined,
  };
}

/**
 * Whether the key whose contents run from `start` to the quote before `end` reads `__proto__` or
 * `constructor`. Written with escapes, either is longer than 11 characters (`\u005f` is 6 for 1)
 * and holds a backslash: only such keys are decoded.
 */
function isSuspectName(text: string, start: number, end: number): boolean {
  const length = end - 1 - start;
  if (length === 9) return text.startsWith('__proto__', start);
  if (length === 11) return text.startsWith('constructor', start);
  if (length < 14 || !hasBackslash(text, start, end - 1)) return false;
  try {
    const name: unknown = JSON.parse(text.slice(start - 1, end));
    return name === '__proto__' || name === 'constructor';
  } catch {
    // Not a valid string: the parser refuses the body; the checks may as well run.
    return true;
  }
}

/** The key whose quotes are at `quote` and `end - 1`, unescaped. */
function decodeKey(text: string, quote: number, end: number): string {
  if (!hasBackslash(text, quote + 1, end - 1)) return text.slice(quote + 1, end - 1);
  try {
    return JSON.parse(text.slice(quote, end)) as string;
  } catch {
    // Not a valid string: the text will not parse, and its members are never used.
    return text.slice(quote + 1, end - 1);
  }
}

/**
 * Whether `text` holds a backslash from `start` up to `end`. Read within those bounds: `indexOf`
 * would search on past a key without one, to the next backslash anywhere in the body — for every
 * key, quadratic in the body's length (a body of 4 MiB of short keys blocked for 23 s).
 */
function hasBackslash(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index++) {
    if (text.charCodeAt(index) === BACKSLASH) return true;
  }
  return false;
}
