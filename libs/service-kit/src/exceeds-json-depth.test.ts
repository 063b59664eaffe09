import { describe, expect, it } from 'vitest';
import { exceedsJsonDepth } from './exceeds-json-depth.js';

const nested = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

describe('exceedsJsonDepth', () => {
  it('allows exactly the limit and refuses one level more', () => {
    expect(exceedsJsonDepth(nested(128), 128)).toBe(false);
    expect(exceedsJsonDepth(nested(129), 128)).toBe(true);
    expect(exceedsJsonDepth('{"a":{"b":[1,{"c":2}]}}', 4)).toBe(false);
    expect(exceedsJsonDepth('{"a":{"b":[1,{"c":{}}]}}', 4)).toBe(true);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(exceedsJsonDepth(JSON.stringify({ text: '[[[[[{{{{{' }), 1)).toBe(false);
    expect(exceedsJsonDepth(JSON.stringify({ text: 'say \\"[[[[ "' }), 1)).toBe(false);
    expect(exceedsJsonDepth(JSON.stringify({ text: 'a\\', next: [[[]]] }), 3)).toBe(true);
  });

  it('measures a million levels without overflowing the stack', () => {
    expect(exceedsJsonDepth(nested(1_000_000), 128)).toBe(true);
  });
});
