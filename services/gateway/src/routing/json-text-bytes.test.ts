import { randomJson, seededRandom } from '@switchyard/testing';
import { describe, expect, it } from 'vitest';
import { jsonTextBytes } from './json-text-bytes.js';

/** What escaping adds to a string's JSON beyond its quotes (`\n` is one byte more, `\u0001` five). */
function escapeOverhead(text: string): number {
  return Buffer.byteLength(JSON.stringify(text)) - 2 - Buffer.byteLength(text);
}

/** Every string in a parsed JSON value, keys included. */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  return Object.entries(value).flatMap(([key, member]) =>
    member === undefined ? [] : [key, ...stringsOf(member)],
  );
}

describe('jsonTextBytes', () => {
  it("is the byte length of the value's JSON when nothing in it is escaped", () => {
    const tools = [
      {
        type: 'function',
        function: {
          name: 'read_file',
          description: 'Reads a file — UTF-8, 日本語 too 😀',
          parameters: {
            type: 'object',
            properties: { path: { type: 'string' }, limit: { type: 'integer', maximum: 1e6 } },
            required: ['path'],
            additionalProperties: false,
          },
        },
      },
      { type: 'function', function: { name: 'noop', parameters: {}, strict: null, tags: [] } },
    ];
    expect(jsonTextBytes(tools)).toBe(Buffer.byteLength(JSON.stringify(tools)));
    for (const value of ['', 'x', 0, -2.5, true, false, null, [], {}, [[]], [{}, 1], { a: [] }]) {
      expect(jsonTextBytes(value)).toBe(Buffer.byteLength(JSON.stringify(value)));
    }
  });

  it('leaves out members that JSON leaves out, and writes an undefined item as null', () => {
    expect(jsonTextBytes({ a: 1, b: undefined })).toBe(JSON.stringify({ a: 1 }).length);
    expect(jsonTextBytes({ b: undefined })).toBe(2);
    expect(jsonTextBytes([1, undefined])).toBe(JSON.stringify([1, null]).length);
  });

  it('counts each escape as the character it stands for, in 2,000 random values', () => {
    const next = seededRandom(15);
    let escaped = 0;
    for (let index = 0; index < 2_000; index += 1) {
      const value = randomJson(next);
      const overhead = stringsOf(value).reduce((sum, text) => sum + escapeOverhead(text), 0);
      if (overhead > 0) escaped += 1;
      expect(jsonTextBytes(value), JSON.stringify(value)).toBe(
        Buffer.byteLength(JSON.stringify(value)) - overhead,
      );
    }
    // The generator does produce escapes (the case the other tests do not cover).
    expect(escaped).toBeGreaterThan(300);
  });
});
