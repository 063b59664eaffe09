import { describe, expect, it } from 'vitest';
import {
  USAGE_DEADLETTER_SUBJECT,
  USAGE_DEADLETTER_SUBJECTS,
  USAGE_SUBJECTS,
  usageSubject,
} from './subjects.js';
import { subjectsOverlap } from './subjects-overlap.js';

describe('usageSubject', () => {
  it('names the status class', () => {
    expect(usageSubject(200)).toBe('usage.v1.2xx');
    expect(usageSubject(429)).toBe('usage.v1.4xx');
    expect(usageSubject(504)).toBe('usage.v1.5xx');
  });

  it('is captured by the stream subjects', () => {
    expect(subjectsOverlap(USAGE_SUBJECTS, usageSubject(201))).toBe(true);
  });

  it('refuses what is not an HTTP status', () => {
    expect(() => usageSubject(99)).toThrow(RangeError);
    expect(() => usageSubject(600)).toThrow(RangeError);
    expect(() => usageSubject(Number.NaN)).toThrow(RangeError);
  });
});

describe('usage dead letters', () => {
  it('are not captured by the usage stream', () => {
    expect(subjectsOverlap(USAGE_SUBJECTS, USAGE_DEADLETTER_SUBJECT)).toBe(false);
    expect(subjectsOverlap(USAGE_DEADLETTER_SUBJECTS, USAGE_DEADLETTER_SUBJECT)).toBe(true);
  });
});
