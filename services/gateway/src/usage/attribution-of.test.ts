import { ApiError } from '@switchyard/service-kit';
import { describe, expect, it } from 'vitest';
import { attributionOf } from './attribution-of.js';

function refusal(run: () => unknown): ApiError {
  try {
    run();
  } catch (error: unknown) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected a 400');
}

describe('attributionOf', () => {
  it("takes the end user from x-switchyard-user, else the body's user, else metadata.user_id", () => {
    expect(attributionOf({ 'x-switchyard-user': 'hdr' }, { user: 'body' }).endUser).toBe('hdr');
    expect(attributionOf({}, { user: 'body', metadata: { user_id: 'meta' } }).endUser).toBe('body');
    expect(attributionOf({}, { metadata: { user_id: 'meta' } }).endUser).toBe('meta');
    expect(attributionOf({}, { model: 'x' })).toEqual({ endUser: undefined, tags: [] });
    expect(attributionOf({}, null)).toEqual({ endUser: undefined, tags: [] });
  });

  it('attributes a request that names no one to no one, whatever else its body holds', () => {
    const none = { endUser: undefined, tags: [] };
    expect(attributionOf({}, { model: 'm', metadata: { other: 'x' }, user: null })).toEqual(none);
    expect(attributionOf({ 'x-other': 'y' }, undefined)).toEqual(none);
    expect(attributionOf({}, 'not an object')).toEqual(none);
    // Any one source is read: the shortcut never skips a named user or a tag.
    expect(attributionOf({}, { metadata: { tags: 'team:a' } }).tags).toEqual(['team:a']);
    expect(attributionOf({ 'x-switchyard-tags': 'b' }, {}).tags).toEqual(['b']);
    expect(attributionOf({}, { metadata: { user_id: 'u1' } }).endUser).toBe('u1');
  });

  it('merges header and metadata tags, deduplicated, header first', () => {
    expect(
      attributionOf(
        { 'x-switchyard-tags': 'team:search, beta' },
        { metadata: { tags: 'beta,feature:autocomplete' } },
      ).tags,
    ).toEqual(['team:search', 'beta', 'feature:autocomplete']);
  });

  it('refuses bad values with a 400 naming where they came from', () => {
    const tooMany = Array.from({ length: 11 }, (_, index) => `t${index}`).join(',');
    for (const [headers, body, param] of [
      [{ 'x-switchyard-tags': tooMany }, {}, 'x-switchyard-tags'],
      [
        { 'x-switchyard-tags': 't0,t1,t2,t3,t4,t5' },
        { metadata: { tags: 'a,b,c,d,e' } },
        'metadata.tags',
      ],
      [{ 'x-switchyard-tags': 'bad key' }, {}, 'x-switchyard-tags'],
      [{}, { metadata: { tags: ['a'] } }, 'metadata.tags'],
      [{ 'x-switchyard-user': ' ' }, {}, 'x-switchyard-user'],
      [{}, { user: 42 }, 'user'],
      [{}, { user: 'u'.repeat(257) }, 'user'],
      [{}, { metadata: { user_id: 'a\u0000b' } }, 'metadata.user_id'],
    ] as const) {
      const error = refusal(() => attributionOf(headers, body));
      expect(error.status, param).toBe(400);
      expect(error.param, param).toBe(param);
      expect(error.message, param).toMatch(/^Invalid request: /);
    }
  });
});
