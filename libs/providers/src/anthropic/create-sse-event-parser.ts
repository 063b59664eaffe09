import { StringDecoder } from 'node:string_decoder';

/** One server-sent event: its `event:` name and its `data:` lines joined with `\n`. */
export interface SseEvent {
  event: string | undefined;
  data: string;
}

/** An incremental SSE parser: bytes in as they arrive, the events they complete out. */
export interface SseEventParser {
  push(chunk: Uint8Array): SseEvent[];
  /** The stream ended: a last event missing its blank line still counts. */
  end(): SseEvent[];
}

/**
 * Parses `text/event-stream` bytes split anywhere — inside a line, a CRLF or a UTF-8 character —
 * with LF, CRLF or CR line ends; comments and fields other than `event` and `data` are ignored.
 */
export function createSseEventParser(): SseEventParser {
  const decoder = new StringDecoder('utf8');
  let buffer = '';
  let started = false;
  let eventName: string | undefined;
  let dataLines: string[] = [];

  const dispatch = (events: SseEvent[]): void => {
    if (dataLines.length > 0) events.push({ event: eventName, data: dataLines.join('\n') });
    eventName = undefined;
    dataLines = [];
  };

  const takeLine = (line: string, events: SseEvent[]): void => {
    if (line === '') {
      dispatch(events);
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') eventName = value;
    else if (field === 'data') dataLines.push(value);
  };

  const drain = (final: boolean): SseEvent[] => {
    const events: SseEvent[] = [];
    let start = 0;
    for (let index = 0; index < buffer.length; index += 1) {
      const character = buffer[index];
      if (character !== '\n' && character !== '\r') continue;
      // A CR at the end may be the first half of a CRLF whose LF has not arrived yet.
      if (character === '\r' && index === buffer.length - 1 && !final) break;
      takeLine(buffer.slice(start, index), events);
      if (character === '\r' && buffer[index + 1] === '\n') index += 1;
      start = index + 1;
    }
    buffer = buffer.slice(start);
    return events;
  };

  return {
    push(chunk) {
      buffer += decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      if (!started && buffer !== '') {
        started = true;
        if (buffer.startsWith('\uFEFF')) buffer = buffer.slice(1);
      }
      return drain(false);
    },
    end() {
      buffer += decoder.end();
      const events = drain(true);
      if (buffer !== '') takeLine(buffer, events);
      buffer = '';
      dispatch(events);
      return events;
    },
  };
}
