/** One server-sent event: its `event:` name and its `data:` lines joined with `\n`. */
export interface SseEvent {
  event: string | undefined;
  data: string;
}

const NO_EVENTS: readonly SseEvent[] = Object.freeze([]);
const COLON = 0x3a;
const SPACE = 0x20;

/**
 * The events of framed SSE text (LF line ends, as {@link createSseFramer} gives it): blank lines
 * dispatch, `:` comments and fields other than `event` and `data` (`id`, `retry`) are ignored,
 * one space after the colon is dropped, and a block without `data` dispatches nothing. A last
 * block without its blank line still counts.
 */
export function parseSseEvents(text: string): readonly SseEvent[] {
  if (text === '') return NO_EVENTS;
  const events: SseEvent[] = [];
  let name: string | undefined;
  let data: string | undefined;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end === start) {
      if (data !== undefined) events.push({ event: name, data });
      name = undefined;
      data = undefined;
    } else if (text.charCodeAt(start) !== COLON) {
      const colon = text.indexOf(':', start);
      const fieldEnd = colon === -1 || colon > end ? end : colon;
      let valueStart = fieldEnd === end ? end : fieldEnd + 1;
      if (valueStart < end && text.charCodeAt(valueStart) === SPACE) valueStart += 1;
      const fieldLength = fieldEnd - start;
      if (fieldLength === 4 && text.startsWith('data', start)) {
        const value = text.slice(valueStart, end);
        data = data === undefined ? value : `${data}\n${value}`;
      } else if (fieldLength === 5 && text.startsWith('event', start)) {
        name = text.slice(valueStart, end);
      }
    }
    start = end + 1;
  }
  if (data !== undefined) events.push({ event: name, data });
  return events;
}
