import { createSseParser } from './create-sse-parser.js';
import type { SseEvent } from './sse-event.js';

/**
 * Yields SSE events as they complete from a byte or text stream (e.g. a fetch `Response.body`),
 * handling events and UTF-8 characters split across chunks.
 */
export async function* readSse(body: AsyncIterable<Uint8Array | string>): AsyncGenerator<SseEvent> {
  const parser = createSseParser();
  const decoder = new TextDecoder();
  for await (const chunk of body) {
    // A string flushes bytes still held by the decoder first, so the order is kept.
    const text =
      typeof chunk === 'string'
        ? decoder.decode() + chunk
        : decoder.decode(chunk, { stream: true });
    yield* parser.push(text);
  }
  yield* parser.push(decoder.decode());
  yield* parser.end();
}
