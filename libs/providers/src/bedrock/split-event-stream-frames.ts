/** The event-stream prelude: total length (4 bytes), headers length (4), prelude CRC (4). */
const PRELUDE_BYTES = 12;
/** The smallest frame: a prelude and the message CRC. */
const MIN_FRAME_BYTES = 16;
/** Bedrock frames are small; anything past this is not an event stream. */
const MAX_FRAME_BYTES = 16 * 1024 * 1024;

/** Cuts a byte stream into whole AWS event-stream frames, whatever the chunking. */
export interface EventStreamFrameSplitter {
  /** The frames the new bytes complete; throws RangeError on a length no frame can have. */
  push(bytes: Uint8Array): Uint8Array[];
  /** Bytes held that do not make a whole frame yet. */
  readonly pending: number;
}

/**
 * Splits bytes into frames by the big-endian total length that opens each frame; the codec
 * then checks both CRCs and parses the headers. Only the framing lives here, no checksum.
 */
export function createEventStreamFrameSplitter(): EventStreamFrameSplitter {
  let buffer: Uint8Array = new Uint8Array(0);
  const cut = (): Uint8Array[] => {
    const frames: Uint8Array[] = [];
    while (buffer.length >= PRELUDE_BYTES) {
      const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
      const total = view.getUint32(0, false);
      if (total < MIN_FRAME_BYTES || total > MAX_FRAME_BYTES) {
        throw new RangeError(`event-stream frame of ${total} bytes`);
      }
      if (buffer.length < total) break;
      frames.push(buffer.subarray(0, total));
      buffer = buffer.subarray(total);
    }
    return frames;
  };
  // A field kept up to date, not a getter: V8 allocates an object's own accessor pair in the old
  // generation, where it would keep this stream's bytes alive past every young collection.
  const splitter: EventStreamFrameSplitter & { pending: number } = {
    pending: 0,
    push(bytes) {
      buffer = buffer.length === 0 ? bytes.slice() : concat(buffer, bytes);
      try {
        return cut();
      } finally {
        splitter.pending = buffer.length;
      }
    },
  };
  return splitter;
}

function concat(first: Uint8Array, second: Uint8Array): Uint8Array {
  const joined = new Uint8Array(first.length + second.length);
  joined.set(first, 0);
  joined.set(second, first.length);
  return joined;
}
