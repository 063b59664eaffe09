import { describe, expect, it } from 'vitest';
import { parseEndUser, parseTagList } from './attribution.js';

describe('parseTagList', () => {
  it('reads key and key:value tags, trimmed, skipping empty items', () => {
    expect(parseTagList(' team:search , beta,, feature: auto complete ')).toEqual({
      tags: ['team:search', 'beta', 'feature:auto complete'],
    });
    expect(parseTagList('')).toEqual({ tags: [] });
    expect(parseTagList('env:prod:eu')).toEqual({ tags: ['env:prod:eu'] });
  });

  it('names the tag it refuses', () => {
    for (const bad of [
      ':value',
      'bad key:x',
      'k:',
      `${'k'.repeat(65)}`,
      `k:${'v'.repeat(129)}`,
      'k:\u0007',
    ]) {
      const parsed = parseTagList(`ok,${bad}`);
      expect(parsed, bad).toHaveProperty('problem');
      expect('problem' in parsed && parsed.problem, bad).toContain('tag ');
    }
  });
});

describe('parseEndUser', () => {
  it('trims, and refuses empty, over-long and control characters', () => {
    expect(parseEndUser(' user-42 ')).toEqual({ endUser: 'user-42' });
    expect(parseEndUser('ünïcode@example.com')).toEqual({ endUser: 'ünïcode@example.com' });
    expect(parseEndUser('   ')).toHaveProperty('problem');
    expect(parseEndUser('u'.repeat(257))).toHaveProperty('problem');
    expect(parseEndUser('a\nb')).toHaveProperty('problem');
    expect(parseEndUser('u'.repeat(256))).toEqual({ endUser: 'u'.repeat(256) });
  });
});
