import type { SseEvent } from './sse-event.js';

/** An incremental SSE parser: feed text as it arrives, get the events it completes. */
export interface SseParser {
  /** Adds text and returns the events that a blank line completed. */
  push(text: string): SseEvent[];
  /** Ends the stream; an event without its closing blank line is discarded, as browsers do. */
  end(): SseEvent[];
}

/**
 * The WHATWG `text/event-stream` grammar: CRLF, LF or CR line ends (also split across pushes),
 * a leading BOM dropped, `:` comments ignored, one optional space after the colon stripped,
 * `data` lines joined with `\n`, blank lines dispatch, blocks without data dispatch nothing.
 */
export function createSseParser(): SseParser {
  let buffer = '';
  let started = false;
  let eventType: string | undefined;
  let dataLines: string[] = [];
  let id: string | undefined;

  const takeLine = (line: string, events: SseEvent[]): void => {
    if (line === '') {
      if (dataLines.length > 0) events.push({ event: eventType, data: dataLines.join('\n'), id });
      eventType = undefined;
      dataLines = [];
      id = undefined;
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') eventType = value;
    else if (field === 'data') dataLines.push(value);
    else if (field === 'id' && !value.includes('\0')) id = value;
  };

  const drain = (final: boolean): SseEvent[] => {
    const events: SseEvent[] = [];
    let start = 0;
    for (let index = 0; index < buffer.length; index += 1) {
      const character = buffer[index];
      if (character !== '\n' && character !== '\r') continue;
      // A CR at the end of the buffer may be the first half of a CRLF split across pushes.
      if (character === '\r' && index === buffer.length - 1 && !final) break;
      takeLine(buffer.slice(start, index), events);
      if (character === '\r' && buffer[index + 1] === '\n') index += 1;
      start = index + 1;
    }
    buffer = buffer.slice(start);
    return events;
  };

  return {
    push(text) {
      buffer += text;
      if (!started && buffer !== '') {
        started = true;
        if (buffer.startsWith('\uFEFF')) buffer = buffer.slice(1);
      }
      return drain(false);
    },
    end() {
      const events = drain(true);
      buffer = '';
      eventType = undefined;
      dataLines = [];
      id = undefined;
      return events;
    },
  };
}
