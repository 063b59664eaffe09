import { describe, expect, it } from 'vitest';
import { exceedsJsonDepth } from './exceeds-json-depth.js';

const nested = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

describe('exceedsJsonDepth', () => {
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
