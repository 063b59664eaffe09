import { afterJsonString } from '@switchyard/contracts';

/**
 * What {@link inspectJsonText} found: objects and arrays nested too deeply; a key that may be
 * `__proto__` or `constructor` (what the prototype-poisoning checks look for); or neither.
 */
export type JsonTextFinding = 'too-deep' | 'suspect-key' | 'plain';

/**
 * One pass over JSON text: whether it opens more than `maxDepth` nested objects or arrays, and
 * whether any key may be `__proto__` or `constructor`, written plainly or with escapes. A counter,
 * no recursion, so the scan cannot overflow the stack however deep the text is; brackets inside
 * strings do not count, and a string's contents are skipped by searching for its closing quote.
 * Text that is not JSON gets an answer too; parsing it then refuses it.
 */
export function inspectJsonText(text: string, maxDepth: number): JsonTextFinding {
  let depth = 0;
  let suspect = false;
  let index = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code === QUOTE) {
      const end = afterJsonString(text, index + 1);
      if (end === -1) break;
      if (!suspect && isSuspectKey(text, index + 1, end)) suspect = true;
      index = end;
      continue;
    }
    if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      depth++;
      if (depth > maxDepth) return 'too-deep';
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      depth--;
    }
    index++;
  }
  return suspect ? 'suspect-key' : 'plain';
}

/**
 * Whether the string whose contents run from `start` to the quote before `end` is a key (a colon
 * follows it) that reads `__proto__` or `constructor`. Written with escapes, either is longer than
 * 11 characters (`\u005f` is 6 for 1) and holds a backslash: only such keys are decoded.
 */
function isSuspectKey(text: string, start: number, end: number): boolean {
  const length = end - 1 - start;
  if (length < 9) return false;
  let after = end;
  while (isSpace(text.charCodeAt(after))) after++;
  if (text.charCodeAt(after) !== COLON) return false;
  if (length === 9) return text.startsWith('__proto__', start);
  if (length === 11) return text.startsWith('constructor', start);
  const backslash = text.indexOf('\\', start);
  if (backslash === -1 || backslash >= end) return false;
  try {
    const key: unknown = JSON.parse(text.slice(start - 1, end));
    return key === '__proto__' || key === 'constructor';
  } catch {
    // Not a valid string: the parser refuses the body; the checks may as well run.
    return true;
  }
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

const QUOTE = 0x22;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
