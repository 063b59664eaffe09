import { createSseFramer } from './create-sse-framer.js';
import { parseSseEvents, type SseEvent } from './parse-sse-events.js';

/** An incremental SSE parser: bytes (or text) in as they arrive, the events they complete out. */
export interface SseParser {
  push(chunk: Uint8Array | string): readonly SseEvent[];
  /** The stream ended: a last event missing its blank line still counts. */
  end(): readonly SseEvent[];
}

/**
 * The one SSE parser of the adapters and the gateway: {@link createSseFramer}'s framing (UTF-8,
 * BOM, CR/LF/CRLF split anywhere) read by {@link parseSseEvents} (`event`, multi-line `data`).
 */
export function createSseParser(): SseParser {
  const framer = createSseFramer();
  return {
    push: (chunk) => parseSseEvents(framer.push(chunk)),
    end: () => parseSseEvents(framer.end()),
  };
}
