import { randomJson, seededRandom } from '@switchyard/testing';
import { describe, expect, it } from 'vitest';
import { inspectJsonText } from './inspect-json-text.js';

/** The scan as a pass-through route runs it: members located. */
const inspect = (text: string, maxDepth: number) =>
  inspectJsonText(text, maxDepth, { locateMembers: true });

const nested = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

/** The depth check alone, as the scan answers it. */
const exceedsJsonDepth = (text: string, maxDepth: number) =>
  inspect(text, maxDepth).finding === 'too-deep';

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
      expect(inspect(text, 128).finding, text).toBe('suspect-key');
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
      expect(inspect(text, 128).finding, text).toBe('plain');
    }
  });

  it('still refuses depth past a suspect key', () => {
    expect(inspect(`{"__proto__":1,"a":${nested(10)}}`, 5).finding).toBe('too-deep');
  });
});

describe('inspectJsonText: the top-level members', () => {
  /** Each member as the text has it: key, the key's text to the value, the value's text. */
  const membersOf = (text: string) =>
    inspect(text, 128).object?.members.map((member) => [
      member.key,
      text.slice(member.keyStart, member.start),
      text.slice(member.start, member.end),
    ]);

  it('locates every kind of value, spaced as written, nested keys left out', () => {
    const text =
      '{ "model" : "a/b",\n  "n": -1.5e3 ,"ok":true,"none":null, "list": [1, {"model": "x"}],' +
      ' "o":{"k":"]}"}, "\\u0073tream": false }';
    expect(membersOf(text)).toEqual([
      ['model', '"model" : ', '"a/b"'],
      ['n', '"n": ', '-1.5e3'],
      ['ok', '"ok":', 'true'],
      ['none', '"none":', 'null'],
      ['list', '"list": ', '[1, {"model": "x"}]'],
      ['o', '"o":', '{"k":"]}"}'],
      ['stream', '"\\u0073tream": ', 'false'],
    ]);
    expect(inspect(text, 128).object?.closing).toBe(text.length - 1);
  });

  it('locates nothing unless asked', () => {
    expect(inspectJsonText('{"model":"m"}', 128, { locateMembers: false })).toEqual({
      finding: 'plain',
      object: undefined,
    });
  });

  it('reads each key once: 4 MB of short top-level keys and long nested ones in linear time', () => {
    // Searching a key for a backslash with an unbounded indexOf read on to the next backslash
    // anywhere in the text, for every key: ~8 s for this body (4× the text, ~25× the time).
    // Linear, it takes ~0.2 s; 3 s is a wide margin.
    const body = `{"a":{${'"aaaaaaaaaaaaaaaa":1,'.repeat(100_000)}"b":0},${'"":1,'.repeat(400_000)}"z":0}`;
    const started = performance.now();
    const { finding, object } = inspect(body, 128);
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(finding).toBe('plain');
    expect(object?.members.length).toBe(400_002);
  });

  it('finds none in an empty object, and no object in other JSON', () => {
    expect(inspect(' { } ', 128).object).toEqual({
      text: ' { } ',
      members: [],
      closing: 3,
    });
    expect(inspect('[{"a":1}]', 128).object).toBeUndefined();
    expect(inspect('"text"', 128).object).toBeUndefined();
    expect(inspect(`{"a":${nested(10)}}`, 5).object).toBeUndefined();
  });

  it('agrees with JSON.parse on 2,000 random objects, compact and indented', () => {
    const next = seededRandom(11);
    let objects = 0;
    for (let index = 0; index < 2_000; index += 1) {
      const value = randomJson(next, 1);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) continue;
      objects += 1;
      const text = JSON.stringify(value, null, next() < 0.5 ? undefined : 2);
      const members = inspect(text, 128).object?.members ?? [];
      const parsed = JSON.parse(text) as Record<string, unknown>;
      expect(
        members.map((member) => member.key),
        text,
      ).toEqual(Object.keys(parsed));
      for (const member of members) {
        const valueText = text.slice(member.start, member.end);
        expect(JSON.parse(valueText), text).toEqual(parsed[member.key]);
      }
    }
    expect(objects).toBeGreaterThan(500);
  });
});
