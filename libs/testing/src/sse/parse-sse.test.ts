import { describe, expect, it } from 'vitest';
import { parseSse } from './parse-sse.js';

describe('parseSse', () => {
  it('parses OpenAI-style data events', () => {
    expect(parseSse('data: {"a":1}\n\ndata: [DONE]\n\n')).toEqual([
      { event: undefined, data: '{"a":1}', id: undefined },
      { event: undefined, data: '[DONE]', id: undefined },
    ]);
  });

  it('reads event and id fields and joins multi-line data with \\n', () => {
    const text = 'event: message_start\nid: 7\ndata: first\ndata: second\n\n';
    expect(parseSse(text)).toEqual([{ event: 'message_start', data: 'first\nsecond', id: '7' }]);
  });

  it('accepts CRLF and lone CR line ends', () => {
    expect(parseSse('data: a\r\n\r\ndata: b\r\rdata: c\n\n').map((event) => event.data)).toEqual([
      'a',
      'b',
      'c',
    ]);
  });

  it('ignores comments, unknown fields and blocks without data', () => {
    const text = ': keep-alive\n\nretry: 10\nfoo: bar\n\nevent: ping\n\ndata: x\n\n';
    expect(parseSse(text)).toEqual([{ event: undefined, data: 'x', id: undefined }]);
  });

  it('strips exactly one space after the colon and handles fields without a colon', () => {
    expect(
      parseSse('data:  two spaces\n\ndata\n\ndata:none\n\n').map((event) => event.data),
    ).toEqual([' two spaces', '', 'none']);
  });

  it('drops a leading BOM', () => {
    expect(parseSse('\uFEFFdata: x\n\n')).toEqual([{ event: undefined, data: 'x', id: undefined }]);
  });

  it('discards a final event that has no closing blank line', () => {
    expect(parseSse('data: complete\n\ndata: cut')).toEqual([
      { event: undefined, data: 'complete', id: undefined },
    ]);
  });

  it('treats a trailing CR as a line end at the end of the text', () => {
    expect(parseSse('data: x\r\r')).toEqual([{ event: undefined, data: 'x', id: undefined }]);
  });
});
