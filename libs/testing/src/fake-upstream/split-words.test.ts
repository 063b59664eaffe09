import { describe, expect, it } from 'vitest';
import { splitWords } from './split-words.js';

describe('splitWords', () => {
  it('keeps whitespace so the pieces join back to the text', () => {
    const text = ' Echo: hello  world\n';
    const pieces = splitWords(text);
    expect(pieces).toEqual([' Echo: ', 'hello  ', 'world\n']);
    expect(pieces.join('')).toBe(text);
  });

  it('returns nothing for empty text', () => {
    expect(splitWords('')).toEqual([]);
  });
});
