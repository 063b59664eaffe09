import { describe, expect, it } from 'vitest';
import { createSseParser } from './create-sse-parser.js';
import type { SseEvent } from './parse-sse-events.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('createSseParser', () => {
  it('reads event names and joins data lines, ignoring comments and other fields', () => {
    const parser = createSseParser();
    const events = parser.push(
      bytes(
        '\uFEFF: keep-alive\nevent: a\nid: 7\nretry: 10\ndata: one\ndata:two\n\ndata: {"x":1}\n\n',
      ),
    );
    expect(events).toEqual([
      { event: 'a', data: 'one\ntwo' },
      { event: undefined, data: '{"x":1}' },
    ]);
  });

  it('waits for the LF of a CRLF split across pushes, and for split UTF-8 characters', () => {
    const parser = createSseParser();
    const encoded = bytes('event: x\r\ndata: é\r\n\r\n');
    const events: SseEvent[] = [];
    for (let offset = 0; offset < encoded.length; offset += 1) {
      events.push(...parser.push(encoded.subarray(offset, offset + 1)));
    }
    expect(events).toEqual([{ event: 'x', data: 'é' }]);
  });

  it('yields each event’s data once complete, whatever the split, CRLF, CR and characters', () => {
    const text =
      'data: {"a":"é✓"}\r\n\r\n: keep-alive\r\n\r\nevent: x\rdata: 1\rdata: 2\r\r\ndata\n\n';
    const encoded = bytes(text);
    for (const size of [1, 2, 5, encoded.length]) {
      const parser = createSseParser();
      const events: SseEvent[] = [];
      for (let offset = 0; offset < encoded.length; offset += size) {
        events.push(...parser.push(encoded.subarray(offset, offset + size)));
      }
      events.push(...parser.end());
      expect(events).toEqual([
        { event: undefined, data: '{"a":"é✓"}' },
        { event: 'x', data: '1\n2' },
        { event: undefined, data: '' },
      ]);
    }
  });

  it('takes text as well as bytes, holding a partial event until its blank line', () => {
    const parser = createSseParser();
    expect(parser.push('data: one\n\ndata: tw')).toEqual([{ event: undefined, data: 'one' }]);
    expect(parser.push('o')).toEqual([]);
    expect(parser.end()).toEqual([{ event: undefined, data: 'two' }]);
  });

  it('dispatches a last event that lost its blank line when the stream ends', () => {
    const parser = createSseParser();
    expect(parser.push(bytes('event: message_stop\ndata: {}'))).toEqual([]);
    expect(parser.end()).toEqual([{ event: 'message_stop', data: '{}' }]);
  });
});
