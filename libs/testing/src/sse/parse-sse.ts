import { createSseParser } from './create-sse-parser.js';
import type { SseEvent } from './sse-event.js';

/** Parses a complete `text/event-stream` body into its events (see {@link createSseParser}). */
export function parseSse(text: string): SseEvent[] {
  const parser = createSseParser();
  return [...parser.push(text), ...parser.end()];
}
