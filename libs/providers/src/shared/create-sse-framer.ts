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
 * Only the text each push brings is searched: an event larger than one socket read (a Response
 * of 70 KB arrives in several) is not searched again, nor copied, for every read that extends it.
 */
export function createSseFramer(): SseFramer {
  const decoder = new StringDecoder('utf8');
  /** The text after the last complete event. */
  let pending = '';
  /**
   * Whether `pending` ends with a line end: kept, not read off `pending`, which `+=` builds as a
   * rope that reading a character of would copy whole, on every push of a large event.
   */
  let pendingEndsLine = false;
  let started = false;
  /** A CR that ended the last push: the first half of a CRLF, perhaps. */
  let heldCr = false;

  /** The new text with LF line ends; a last CR is held back unless the stream is over. */
  const normalize = (received: string, final: boolean): string => {
    let text = heldCr ? `\r${received}` : received;
    heldCr = false;
    if (!started && text !== '') {
      started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (!text.includes('\r')) return text;
    if (!final && text.endsWith('\r')) {
      heldCr = true;
      text = text.slice(0, -1);
    }
    return text.replace(/\r\n?/g, '\n');
  };
  /** Appends `text`; out the events it completed. */
  const take = (text: string): string => {
    // Up to the last blank line: one inside the new text (searched for from the end only when
    // there is one at all: a backward search through text without one is slow), or one that a
    // line end already pending and the new text's first make.
    let cut = -1;
    if (text.indexOf('\n\n') !== -1) cut = text.lastIndexOf('\n\n') + 2;
    else if (text.charCodeAt(0) === LF && pendingEndsLine) cut = 1;
    if (cut === -1) {
      pending += text;
      if (text !== '') pendingEndsLine = text.charCodeAt(text.length - 1) === LF;
      return '';
    }
    const complete = pending + text.slice(0, cut);
    pending = text.slice(cut);
    pendingEndsLine = pending !== '' && pending.charCodeAt(pending.length - 1) === LF;
    return complete;
  };

  // A field kept up to date, not a getter: V8 allocates an object's own accessor pair in the old
  // generation, where it would keep this stream's text alive past every young collection.
  const framer: SseFramer & { pendingChars: number } = {
    pendingChars: 0,
    push(chunk) {
      const text =
        typeof chunk === 'string'
          ? chunk
          : decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      const complete = take(normalize(text, false));
      framer.pendingChars = pending.length;
      return complete;
    },
    end() {
      const rest = pending + normalize(decoder.end(), true);
      pending = '';
      pendingEndsLine = false;
      framer.pendingChars = 0;
      if (rest.trim() === '') return '';
      return rest.endsWith('\n\n') ? rest : `${rest}${rest.endsWith('\n') ? '\n' : '\n\n'}`;
    },
  };
  return framer;
}

const LF = 0x0a;
