import { describe, expect, it } from 'vitest';
import { createSseEventParser } from './create-sse-event-parser.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('createSseEventParser', () => {
  it('reads event names and joins data lines, ignoring comments and other fields', () => {
    const parser = createSseEventParser();
    const events = parser.push(
      bytes('\uFEFF: keep-alive\nevent: a\nid: 7\ndata: one\ndata:two\n\ndata: {"x":1}\n\n'),
    );
    expect(events).toEqual([
      { event: 'a', data: 'one\ntwo' },
      { event: undefined, data: '{"x":1}' },
    ]);
  });

  it('waits for the LF of a CRLF split across pushes, and for split UTF-8 characters', () => {
    const parser = createSseEventParser();
    const encoded = bytes('event: x\r\ndata: é\r\n\r\n');
    const events = [];
    for (let offset = 0; offset < encoded.length; offset += 1) {
      events.push(...parser.push(encoded.subarray(offset, offset + 1)));
    }
    expect(events).toEqual([{ event: 'x', data: 'é' }]);
  });

  it('dispatches a last event that lost its blank line when the stream ends', () => {
    const parser = createSseEventParser();
    expect(parser.push(bytes('event: message_stop\ndata: {}'))).toEqual([]);
    expect(parser.end()).toEqual([{ event: 'message_stop', data: '{}' }]);
  });
});
