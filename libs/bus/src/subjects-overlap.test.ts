import { describe, expect, it } from 'vitest';
import { isPublishableSubject, isSubjectPattern, subjectsOverlap } from './subjects-overlap.js';

describe('subjectsOverlap', () => {
  it.each([
    ['usage.v1.>', 'usage.v1.2xx', true],
    ['usage.v1.>', 'usage.v1', false],
    ['usage.*.2xx', 'usage.v1.2xx', true],
    ['usage.*', 'usage.v1.2xx', false],
    ['usage.v1.2xx', 'usage.v1.2xx', true],
    ['usage.v1.2xx', 'usage.v1.4xx', false],
    ['usage.*.x', 'usage.y.*', true],
    ['>', 'anything.at.all', true],
    ['a.b', 'a.b.c', false],
  ])('%s and %s → %s', (first, second, expected) => {
    expect(subjectsOverlap(first, second)).toBe(expected);
    expect(subjectsOverlap(second, first)).toBe(expected);
  });
});

describe('subject validity', () => {
  it('publishes only on literal subjects', () => {
    expect(isPublishableSubject('usage.v1.2xx')).toBe(true);
    expect(isPublishableSubject('usage.*.2xx')).toBe(false);
    expect(isPublishableSubject('usage..2xx')).toBe(false);
    expect(isPublishableSubject('')).toBe(false);
  });

  it('subscribes to patterns with > last', () => {
    expect(isSubjectPattern('usage.*.>')).toBe(true);
    expect(isSubjectPattern('usage.>.x')).toBe(false);
    expect(isSubjectPattern('usage.v*')).toBe(false);
    expect(isSubjectPattern('usage..x')).toBe(false);
  });
});
