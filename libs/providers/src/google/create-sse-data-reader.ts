/** Incremental SSE reading: bytes in, the `data` of each complete event out. */
export interface SseDataReader {
  /** The data of the events these bytes completed. */
  push(chunk: Uint8Array): string[];
  /** The stream ended: the data of a last event that lacked its blank line, if any. */
  end(): string[];
}

/**
 * Reads SSE framing whatever the line endings (CRLF, as Google sends, LF or CR) and however
 * the bytes are split, even inside a character or a CRLF. An event's `data:` lines are joined
 * with `\n`; events without data (comments, `event:`/`id:`-only blocks) yield nothing.
 */
export function createSseDataReader(): SseDataReader {
  const decoder = new TextDecoder('utf-8');
  let pending = '';

  const take = (final: boolean): string[] => {
    // A trailing CR may be the first half of a CRLF split across chunks: wait for its LF.
    const held = !final && pending.endsWith('\r') ? '\r' : '';
    pending = pending.slice(0, pending.length - held.length).replace(/\r\n?/g, '\n');
    const boundary = final ? pending.length : pending.lastIndexOf('\n\n');
    if (boundary === -1) {
      pending += held;
      return [];
    }
    const complete = pending.slice(0, boundary);
    pending = pending.slice(final ? boundary : boundary + 2) + held;
    const data: string[] = [];
    for (const event of complete.split('\n\n')) {
      const payload = dataOf(event);
      if (payload !== undefined) data.push(payload);
    }
    return data;
  };

  return {
    push(chunk) {
      pending += decoder.decode(chunk, { stream: true });
      return take(false);
    },
    end() {
      pending += decoder.decode();
      return take(true);
    },
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
