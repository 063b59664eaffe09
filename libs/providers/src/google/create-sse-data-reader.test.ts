import { describe, expect, it } from 'vitest';
import { createSseDataReader } from './create-sse-data-reader.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('createSseDataReader', () => {
  it('yields each event’s data once complete, whatever the split, CRLF and characters', () => {
    const text =
      'data: {"a":"é✓"}\r\n\r\n: keep-alive\r\n\r\nevent: x\r\ndata: 1\r\ndata: 2\r\n\r\n';
    const encoded = bytes(text);
    for (const size of [1, 2, 5, encoded.length]) {
      const reader = createSseDataReader();
      const data: string[] = [];
      for (let offset = 0; offset < encoded.length; offset += size) {
        data.push(...reader.push(encoded.subarray(offset, offset + size)));
      }
      data.push(...reader.end());
      expect(data).toEqual(['{"a":"é✓"}', '1\n2']);
    }
  });

  it('holds a partial event until its blank line, and flushes it at the end', () => {
    const reader = createSseDataReader();
    expect(reader.push(bytes('data: one\n\ndata: tw'))).toEqual(['one']);
    expect(reader.push(bytes('o'))).toEqual([]);
    expect(reader.end()).toEqual(['two']);
  });
});
