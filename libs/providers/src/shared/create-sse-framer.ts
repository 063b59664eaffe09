import { StringDecoder } from 'node:string_decoder';

/** Incremental SSE framing: bytes in, the text of the events they complete out. */
export interface SseFramer {
  /**
   * More bytes (or text) in; out the text of every event they completed, with LF line ends and
   * ending in its blank line, or '' when none completed.
   */
  push(chunk: Uint8Array | string): string;
  /** The stream ended: the text of a last event that lacked its blank line (one is added), if any. */
  end(): string;
  /** Characters held for an event still incomplete: a bound for servers that never end one. */
  readonly pendingChars: number;
}

/**
 * Frames `text/event-stream` bytes split anywhere — inside a line, a CRLF or a UTF-8 character —
 * with LF, CRLF or CR line ends and an optional leading BOM. It only finds where events end, so
 * a pass-through can forward their text as written; {@link parseSseEvents} reads their fields.
 */
export function createSseFramer(): SseFramer {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let started = false;

  const take = (final: boolean): string => {
    if (!started && pending !== '') {
      started = true;
      if (pending.charCodeAt(0) === 0xfeff) pending = pending.slice(1);
    }
    if (pending.includes('\r')) {
      // A trailing CR may be the first half of a CRLF split across chunks: wait for its LF.
      const held = !final && pending.endsWith('\r') ? '\r' : '';
      pending = pending.slice(0, pending.length - held.length).replace(/\r\n?/g, '\n') + held;
    }
    const boundary = pending.lastIndexOf('\n\n');
    if (boundary === -1) return '';
    const complete = pending.slice(0, boundary + 2);
    pending = pending.slice(boundary + 2);
    return complete;
  };

  // A field kept up to date, not a getter: V8 allocates an object's own accessor pair in the old
  // generation, where it would keep this stream's text alive past every young collection.
  const framer: SseFramer & { pendingChars: number } = {
    pendingChars: 0,
    push(chunk) {
      pending +=
        typeof chunk === 'string'
          ? chunk
          : decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      const complete = take(false);
      framer.pendingChars = pending.length;
      return complete;
    },
    end() {
      pending += decoder.end();
      if (pending.trim() === '') {
        pending = '';
        framer.pendingChars = 0;
        return '';
      }
      pending += pending.endsWith('\n') ? '\n' : '\n\n';
      const complete = take(true);
      framer.pendingChars = pending.length;
      return complete;
    },
  };
  return framer;
}
