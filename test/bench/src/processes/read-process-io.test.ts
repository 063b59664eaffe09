import { describe, expect, it } from 'vitest';
import { parseProcessIo } from './read-process-io.js';

describe('parseProcessIo', () => {
  it('reads the read and write call counts of /proc/<pid>/io', () => {
    const text = 'rchar: 9041\nwchar: 1200\nsyscr: 37\nsyscw: 12\nread_bytes: 0\nwrite_bytes: 0\n';
    expect(parseProcessIo(text)).toEqual({ readCalls: 37, writeCalls: 12 });
  });

  it('is undefined when a count is missing', () => {
    expect(parseProcessIo('rchar: 9041\nsyscr: 37\n')).toBeUndefined();
  });
});
