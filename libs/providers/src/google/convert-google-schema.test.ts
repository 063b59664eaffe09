import { describe, expect, it } from 'vitest';
import { convertGoogleSchema } from './convert-google-schema.js';

describe('convertGoogleSchema', () => {
  it('drops the keywords Gemini rejects, at every depth', () => {
    expect(
      convertGoogleSchema({
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        $id: 'x',
        type: 'object',
        strict: true,
        additionalProperties: false,
        properties: {
          tags: {
            type: 'array',
            uniqueItems: true,
            items: { type: 'string', format: 'uri', additionalProperties: false, examples: ['a'] },
            minItems: 1,
          },
          count: { type: 'integer', exclusiveMinimum: 0, multipleOf: 2, format: 'int32' },
          when: { type: 'string', format: 'date-time', description: 'ISO time' },
        },
        required: ['tags', 'missing'],
      }),
    ).toEqual({
      type: 'object',
      properties: {
        tags: { type: 'array', items: { type: 'string' }, minItems: 1 },
        count: { type: 'integer', format: 'int32' },
        when: { type: 'string', format: 'date-time', description: 'ISO time' },
      },
      required: ['tags'],
    });
  });

  it('turns type lists, oneOf, const and nullable enums into Gemini forms', () => {
    expect(
      convertGoogleSchema({
        type: 'object',
        properties: {
          a: { type: ['string', 'null'] },
          b: { type: ['string', 'number'] },
          c: { oneOf: [{ type: 'string' }, { type: 'integer' }] },
          d: { const: 'fixed' },
          e: { enum: ['x', 'y', null] },
          f: { type: 'integer', enum: [1, 2] },
        },
      }),
    ).toEqual({
      type: 'object',
      properties: {
        a: { type: 'string', nullable: true },
        b: { anyOf: [{ type: 'string' }, { type: 'number' }] },
        c: { anyOf: [{ type: 'string' }, { type: 'integer' }] },
        d: { type: 'string', enum: ['fixed'] },
        e: { type: 'string', enum: ['x', 'y'], nullable: true },
        f: { type: 'integer' },
      },
    });
  });

  it('inlines local $refs and single allOf, and cuts recursion', () => {
    expect(
      convertGoogleSchema({
        type: 'object',
        $defs: {
          Address: { type: 'object', properties: { city: { type: 'string' } } },
          Node: { type: 'object', properties: { next: { $ref: '#/$defs/Node' } } },
        },
        properties: {
          home: { $ref: '#/$defs/Address' },
          work: { allOf: [{ $ref: '#/$defs/Address' }], description: 'Office' },
          list: { $ref: '#/$defs/Node' },
          remote: { $ref: 'https://example.com/schema.json' },
        },
      }),
    ).toEqual({
      type: 'object',
      properties: {
        home: { type: 'object', properties: { city: { type: 'string' } } },
        work: { type: 'object', properties: { city: { type: 'string' } }, description: 'Office' },
        list: { type: 'object', properties: { next: {} } },
        remote: {},
      },
    });
  });
});
