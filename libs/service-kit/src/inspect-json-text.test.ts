import { describe, expect, it } from 'vitest';
import { inspectJsonText } from './inspect-json-text.js';

const nested = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

/** The depth check alone, as the scan answers it. */
const exceedsJsonDepth = (text: string, maxDepth: number) =>
  inspectJsonText(text, maxDepth) === 'too-deep';

describe('inspectJsonText: depth', () => {
  it('allows exactly the limit and refuses one level more', () => {
    expect(exceedsJsonDepth(nested(128), 128)).toBe(false);
    expect(exceedsJsonDepth(nested(129), 128)).toBe(true);
    expect(exceedsJsonDepth('{"a":{"b":[1,{"c":2}]}}', 4)).toBe(false);
    expect(exceedsJsonDepth('{"a":{"b":[1,{"c":{}}]}}', 4)).toBe(true);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(exceedsJsonDepth(JSON.stringify({ text: '[[[[[{{{{{' }), 1)).toBe(false);
    expect(exceedsJsonDepth(JSON.stringify({ text: 'say \\"[[[[ "' }), 1)).toBe(false);
    expect(exceedsJsonDepth(JSON.stringify({ text: 'a\\', next: [[[]]] }), 3)).toBe(true);
  });

  it('answers as a character-by-character scan does, for any mix of brackets, quotes and escapes', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const alphabet = ['{', '}', '[', ']', '"', '\\', 'a', ' '];
    for (let run = 0; run < 5_000; run++) {
      const length = Math.floor(random() * 40);
      let text = '';
      for (let index = 0; index < length; index++)
        text += alphabet[Math.floor(random() * alphabet.length)];
      for (const maxDepth of [0, 1, 2, 3]) {
        expect(exceedsJsonDepth(text, maxDepth), `${text} at ${maxDepth}`).toBe(
          scanEachCharacter(text, maxDepth),
        );
      }
    }
  });

  it('measures a million levels without overflowing the stack', () => {
    expect(exceedsJsonDepth(nested(1_000_000), 128)).toBe(true);
  });
});

/** The plain scan: a backslash in a string skips the next character, a quote toggles strings. */
function scanEachCharacter(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (inString) {
      if (character === '\\') index++;
      else if (character === '"') inString = false;
    } else if (character === '"') inString = true;
    else if (character === '{' || character === '[') {
      depth++;
      if (depth > maxDepth) return true;
    } else if (character === '}' || character === ']') depth--;
  }
  return false;
}

describe('inspectJsonText: keys the prototype-poisoning checks look for', () => {
  it('finds __proto__ and constructor as keys, written plainly, spaced or escaped', () => {
    for (const text of [
      '{"__proto__":{"admin":true}}',
      '{"a":[{"b":1,"__proto__" :{}}]}',
      '{"constructor":{"prototype":{"admin":true}}}',
      '{"x":{"constructor"\n:{"prototype":{}}}}',
      '{"\\u005f_proto__":{}}',
      '{"\\u005F\\u005Fproto\\u005f\\u005f":{}}',
      '{"c\\u006fnstructor":{"prototype":{}}}',
    ]) {
      expect(inspectJsonText(text, 128), text).toBe('suspect-key');
    }
  });

  it('passes the same words as values, inside strings, or as parts of other keys', () => {
    for (const text of [
      '{"text":"__proto__","note":"constructor"}',
      '{"text":"{\\"__proto__\\":{}}"}',
      '{"__proto__x":1,"constructors":2,"description":"a constructor"}',
      '{"cache_control":{"type":"ephemeral"},"tool_use_id":"x"}',
      '["__proto__","constructor"]',
    ]) {
      expect(inspectJsonText(text, 128), text).toBe('plain');
    }
  });

  it('still refuses depth past a suspect key', () => {
    expect(inspectJsonText(`{"__proto__":1,"a":${nested(10)}}`, 5)).toBe('too-deep');
  });
});
