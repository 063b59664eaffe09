import { randomJson, seededRandom } from '@switchyard/testing';
import { describe, expect, it } from 'vitest';
import { afterJsonValue, visitJsonMembers } from './visit-json-members.js';

/** Every member visited: key and the value parsed from its own text. */
function members(text: string, open = 0): { whole: boolean; members: [string, unknown][] } {
  const found: [string, unknown][] = [];
  const whole = visitJsonMembers(text, open, (key, start) => {
    const end = afterJsonValue(text, start);
    if (end === -1) return false;
    found.push([key, JSON.parse(text.slice(start, end))]);
    return true;
  });
  return { whole, members: found };
}

/** Writes an object's members with white space between every token, as a pretty printer might. */
const spaced = (value: Record<string, unknown>) => JSON.stringify(value, null, '\t');

describe('visitJsonMembers', () => {
  it('visits each member of any object as JSON.parse reads it, written compactly or spaced', () => {
    const next = seededRandom(11);
    let objects = 0;
    for (let run = 0; run < 3000; run++) {
      const value = randomJson(next);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) continue;
      objects++;
      const object = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
      for (const text of [JSON.stringify(object), spaced(object)]) {
        const read = members(text);
        expect(read.whole).toBe(true);
        expect(Object.fromEntries(read.members)).toEqual(object);
        expect(read.members.map(([key]) => key).sort()).toEqual(Object.keys(object).sort());
      }
    }
    expect(objects).toBeGreaterThan(300);
  });

  it('skips brackets, quotes and escapes inside strings, and nested members of the same name', () => {
    const text =
      '{"a":"}{][\\"\\\\","usage":{"usage":1},"b":[{"c":"]"},[]],"key\\"q":null,"n":-1.5e3}';
    expect(members(text)).toEqual({
      whole: true,
      members: [
        ['a', '}{]["\\'],
        ['usage', { usage: 1 }],
        ['b', [{ c: ']' }, []]],
        ['key"q', null],
        ['n', -1500],
      ],
    });
  });

  it('reads an object nested in other text, and stops where the visitor says', () => {
    const text = 'data: {"id":"r","big":[1,2,3],"after":true} trailing';
    expect(members(text, 6).members.map(([key]) => key)).toEqual(['id', 'big', 'after']);
    const keys: string[] = [];
    expect(
      visitJsonMembers(text, 6, (key) => {
        keys.push(key);
        return key !== 'id';
      }),
    ).toBe(false);
    expect(keys).toEqual(['id']);
    // Stopped at a member, its value is not read: here it never ends.
    const unended = '{"id":"r","rest":[{"a":"b"';
    const seen: string[] = [];
    visitJsonMembers(unended, 0, (key) => seen.push(key) > 0 && key !== 'rest');
    expect(seen).toEqual(['id', 'rest']);
  });

  it('answers false for text that is not a well-formed object where it was read', () => {
    for (const text of [
      '[1]',
      '{"a" 1}',
      '{"a":1',
      '{"a":"x',
      '{a:1}',
      '{"a":1 "b":2}',
      '{"a":}',
      '',
    ]) {
      expect(members(text).whole, text).toBe(false);
    }
    expect(members('{}')).toEqual({ whole: true, members: [] });
    expect(members('{ }')).toEqual({ whole: true, members: [] });
  });

  it('does not recurse, however deep the value nests', () => {
    const deep = `{"a":${'['.repeat(200_000)}${']'.repeat(200_000)},"b":2}`;
    expect(members(deep.replace(/\[+\]+/, '[]')).members).toEqual([
      ['a', []],
      ['b', 2],
    ]);
    const keys: string[] = [];
    visitJsonMembers(deep, 0, (key) => keys.push(key) > 0);
    expect(keys).toEqual(['a', 'b']);
    expect(afterJsonValue(deep, 5)).toBe(5 + 400_000);
  });
});
