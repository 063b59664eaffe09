import { readJsonObjectText } from '@switchyard/contracts';
import { randomJson, seededRandom } from '@switchyard/testing';
import { describe, expect, it } from 'vitest';
import { setTopLevelFields } from './set-top-level-fields.js';

describe('setTopLevelFields', () => {
  it('replaces a top-level field and leaves every other byte as written', () => {
    const body =
      '{ "model" : "a/b",\n  "x": 1.0, "nested": {"model": "keep"}, "s": "\\u00e9\\"model\\"" }';
    expect(setTopLevelFields(body, { model: 'claude' })).toBe(
      '{ "model" : "claude",\n  "x": 1.0, "nested": {"model": "keep"}, "s": "\\u00e9\\"model\\"" }',
    );
  });

  it('replaces values of any type, and arrays and objects before them are skipped whole', () => {
    const body = '{"messages":[{"a":[1,{"b":"]}"}]}],"max_tokens":4096,"model":"m"}';
    expect(setTopLevelFields(body, { max_tokens: 100, model: 'u' })).toBe(
      '{"messages":[{"a":[1,{"b":"]}"}]}],"max_tokens":100,"model":"u"}',
    );
  });

  it('appends a field the body lacks, to an empty object too', () => {
    expect(setTopLevelFields('{"a":true }', { model: 'm' })).toBe('{"a":true ,"model":"m"}');
    expect(setTopLevelFields('{ }', { model: 'm' })).toBe('{ "model":"m"}');
  });

  it('removes fields set to undefined with their comma, first, middle, last or only', () => {
    const body = '{"model":"a", "stream":true,\n "x":[1], "y":{"model":2}}';
    expect(setTopLevelFields(body, { model: undefined })).toBe(
      '{"stream":true,\n "x":[1], "y":{"model":2}}',
    );
    expect(setTopLevelFields(body, { stream: undefined, v: 'b' })).toBe(
      '{"model":"a", "x":[1], "y":{"model":2},"v":"b"}',
    );
    expect(setTopLevelFields(body, { y: undefined, x: undefined })).toBe(
      '{"model":"a", "stream":true}',
    );
    expect(setTopLevelFields('{ "model":"a" }', { model: undefined, v: 1 })).toBe('{  "v":1}');
    expect(setTopLevelFields('{"a":1}', { absent: undefined })).toBe('{"a":1}');
  });

  it('sets or removes a key written twice, both times', () => {
    const body = '{"model":"a", "x":1, "model":"b"}';
    expect(setTopLevelFields(body, { model: 'c' })).toBe('{"model":"c", "x":1, "model":"c"}');
    expect(setTopLevelFields(body, { model: undefined })).toBe('{"x":1}');
    expect(setTopLevelFields(body, { x: undefined, model: undefined, v: 2 })).toBe('{"v":2}');
  });

  it('uses the members the body check located, scanning nothing', () => {
    const text = '{"model":"a","stream":true}';
    const located = readJsonObjectText(text);
    // Members that disagree with the text show they were used, not found again.
    const shifted = { ...located, members: located.members.filter((m) => m.key !== 'stream') };
    expect(setTopLevelFields(located, { model: 'b', stream: undefined })).toBe('{"model":"b"}');
    expect(setTopLevelFields(shifted, { stream: undefined })).toBe(text);
  });

  it('refuses text that is not an object', () => {
    expect(() => setTopLevelFields('[1]', { model: 'm' })).toThrow('not a JSON object');
  });
});

describe('setTopLevelFields on random bodies', () => {
  it('sets the field and changes nothing else, in 2,000 random objects written every way', () => {
    const next = seededRandom(7);
    for (let index = 0; index < 2_000; index += 1) {
      const members = randomJson(next, 1);
      const object =
        typeof members === 'object' && members !== null && !Array.isArray(members) ? members : {};
      const placed = next() < 0.5 ? { model: 'a/b', ...object } : { ...object, model: 'a/b' };
      const body = JSON.stringify(placed, null, next() < 0.5 ? undefined : 2);
      const result = setTopLevelFields(body, { model: 'claude "x" \\' });
      expect(JSON.parse(result), body).toEqual({ ...placed, model: 'claude "x" \\' });
      const value = JSON.stringify('claude "x" \\');
      const old = JSON.stringify('a/b');
      // Only the value's text changed: the rest is the caller's, byte for byte.
      expect(result.replace(value, old), body).toBe(body);
    }
  });

  it('removes, sets and appends fields as JSON.parse reads them, in 2,000 random objects', () => {
    const next = seededRandom(9);
    for (let index = 0; index < 2_000; index += 1) {
      const members = randomJson(next, 1);
      if (typeof members !== 'object' || members === null || Array.isArray(members)) continue;
      const body = JSON.stringify(members, null, next() < 0.5 ? undefined : 1);
      const expected = JSON.parse(body) as Record<string, unknown>;
      const fields: Record<string, unknown> = {};
      for (const key of Object.keys(expected)) {
        const pick = next();
        if (pick < 0.3) fields[key] = undefined;
        else if (pick < 0.5) fields[key] = [pick];
      }
      if (next() < 0.5) fields.added = { n: 1 };
      for (const [key, value] of Object.entries(fields)) {
        if (value === undefined) delete expected[key];
        else expected[key] = value;
      }
      const result = setTopLevelFields(body, fields);
      expect(JSON.parse(result), `${body} ${JSON.stringify(fields)}`).toEqual(expected);
    }
  });
});
