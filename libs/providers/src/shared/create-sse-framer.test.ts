import { describe, expect, it } from 'vitest';
import { createSseFramer } from './create-sse-framer.js';

/** Everything the framer hands out for `pieces`, push by push, then at the end. */
function frame(pieces: readonly string[]): string[] {
  const framer = createSseFramer();
  return [...pieces.map((piece) => framer.push(piece)), framer.end()];
}

describe('createSseFramer', () => {
  it('finds a blank line split across pushes, after a line end already pending', () => {
    expect(frame(['data: a\n', '\ndata: b\n', '\n'])).toEqual([
      '',
      'data: a\n\n',
      'data: b\n\n',
      '',
    ]);
    // A CRLF split between its CR and LF: the held CR becomes the LF that ends the event.
    expect(frame(['data: a\r\n\r', '\ndata: b'])).toEqual(['', 'data: a\n\n', 'data: b\n\n']);
  });

  it('reads a large event in many pushes in linear time, pushes starting with a line end', () => {
    // 8 MB of `data:` lines, each push beginning with the LF that ends the line before: the
    // framer once copied all pending text on every such push (8.5 s for this stream).
    const line = `data: ${'x'.repeat(16 * 1024 - 7)}`;
    const pieces = Array.from({ length: 512 }, () => `\n${line}`);
    const started = performance.now();
    const out = frame(['event: big', ...pieces, '\n\n']);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(out.at(-2)?.length).toBe('event: big'.length + 512 * (line.length + 1) + 2);
  });
});
