import { describe, expect, it } from 'vitest';
import { redactUrl } from './redact-url.js';

describe('redactUrl', () => {
  it('hides a password and keeps the rest', () => {
    expect(redactUrl('postgres://app:s3cret@db:5432/test')).toBe('postgres://app:***@db:5432/test');
  });

  it('leaves a URL without a password as it is', () => {
    expect(redactUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
  });

  it('never echoes text that is not a URL', () => {
    expect(redactUrl('pass word')).toBe('(not a valid URL)');
  });
});
