import type { FakeStreamFraming } from './fake-stream-framing.js';

/** Options of {@link createSseFraming}. */
export interface SseFramingOptions {
  readonly contentType: string;
  /** What ends each line: `\n`, or `\r\n` as Gemini sends it. */
  readonly lineEnd: '\n' | '\r\n';
  readonly trailer?: readonly string[];
  /** The frames sent instead of the events for the `garbage` scenario, as they go on the wire. */
  readonly garbage: readonly string[];
}

/** Server-sent events: `event: <name>` when the event has one, then `data: <json>`, blank line. */
export function createSseFraming(options: SseFramingOptions): FakeStreamFraming {
  const { lineEnd } = options;
  return {
    contentType: options.contentType,
    encode(event) {
      const name = event.event === undefined ? '' : `event: ${event.event}${lineEnd}`;
      return `${name}data: ${JSON.stringify(event.data)}${lineEnd}${lineEnd}`;
    },
    trailer: options.trailer ?? [],
    garbage: options.garbage,
  };
}
