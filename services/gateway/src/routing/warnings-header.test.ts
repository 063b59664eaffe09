import { describe, expect, it } from 'vitest';
import { MAX_WARNINGS_HEADER_CHARS, warningsHeader } from './warnings-header.js';

/** What node accepts in a header value (its own check, `ERR_INVALID_CHAR` otherwise). */
const VALID_HEADER = /^[\t\x20-\x7e]*$/;

describe('warningsHeader', () => {
  it('keeps plain warnings readable, joined by "; "', () => {
    expect(warningsHeader(['top_k has no OpenAI equivalent and was ignored', 'seed x'])).toBe(
      'top_k has no OpenAI equivalent and was ignored; seed x',
    );
    expect(warningsHeader([])).toBeUndefined();
  });

  it('percent-encodes what a header cannot carry, and the separator, reversibly', () => {
    const fields = ['中', 'a\r\nb', 'nul\u0000', '50%; off', 'lone\ud800', 'tab\there'];
    const header = warningsHeader(fields.map((field) => `${field} was ignored`)) ?? '';
    expect(header).toMatch(VALID_HEADER);
    expect(header.split('; ').map((warning) => decodeURIComponent(warning))).toEqual([
      '中 was ignored',
      'a\r\nb was ignored',
      'nul\u0000 was ignored',
      '50%; off was ignored',
      'lone\ufffd was ignored',
      'tab\there was ignored',
    ]);
  });

  it('names at most 20 warnings in at most 1 KiB, counting the rest', () => {
    const many = Array.from({ length: 3_000 }, (_, index) => `field_${index} was ignored`);
    const header = warningsHeader(many) ?? '';
    const parts = header.split('; ');
    expect(parts).toHaveLength(21);
    expect(parts.at(-1)).toBe('+2980 more');
    const long = Array.from({ length: 50 }, (_, index) => `${'中'.repeat(100)}${index}`);
    const capped = warningsHeader(long) ?? '';
    expect(capped.length).toBeLessThanOrEqual(MAX_WARNINGS_HEADER_CHARS);
    expect(capped).toMatch(VALID_HEADER);
    const shown = capped.split('; ');
    expect(shown.at(-1)).toBe(`+${50 - shown.length + 1} more`);
    // A cut warning ends between characters, so it still decodes.
    for (const warning of shown.slice(0, -1)) {
      expect(warning.endsWith('...')).toBe(true);
      expect(() => decodeURIComponent(warning)).not.toThrow();
    }
  });
});
