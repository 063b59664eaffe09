/** Splits SSE text that may arrive in arbitrary pieces into the data of its complete events. */
export interface SseDataReader {
  /** More text in; the data of every event it completed out. */
  push(text: string): string[];
  /** The stream ended: the data of a last event that lacked its blank line. */
  flush(): string[];
}

/** An SSE reader for events of `data:` lines (comments and other fields are ignored). */
export function createSseDataReader(): SseDataReader {
  let pending = '';

  const take = (final: boolean): string[] => {
    // A trailing CR may be the first half of a CRLF split across pieces: keep it for later.
    const held = !final && pending.endsWith('\r') ? '\r' : '';
    pending = pending.slice(0, pending.length - held.length).replace(/\r\n?/g, '\n') + held;
    if (final) pending += '\n\n';
    const boundary = pending.lastIndexOf('\n\n');
    if (boundary === -1) return [];
    const complete = pending.slice(0, boundary);
    pending = pending.slice(boundary + 2);
    const events: string[] = [];
    for (const event of complete.split('\n\n')) {
      const data = dataOf(event);
      if (data !== undefined) events.push(data);
    }
    return events;
  };

  return {
    push: (text) => {
      pending += text;
      return take(false);
    },
    flush: () => take(true),
  };
}

function dataOf(event: string): string | undefined {
  let data: string | undefined;
  for (const line of event.split('\n')) {
    if (!line.startsWith('data:')) continue;
    const value = line.slice(line.startsWith('data: ') ? 6 : 5);
    data = data === undefined ? value : `${data}\n${value}`;
  }
  return data;
}
