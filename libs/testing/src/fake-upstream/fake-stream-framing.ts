/** One event of a streamed answer: an optional event name and the data, sent as JSON. */
export interface FakeStreamEvent {
  readonly event?: string;
  readonly data: unknown;
}

/**
 * How a dialect puts events on the wire: SSE with or without event names, or a binary framing
 * (frames as bytes). `trailer` follows the events (e.g. `data: [DONE]`); `garbage` replaces them
 * for the `garbage` scenario, and is followed by the trailer too.
 */
export interface FakeStreamFraming {
  readonly contentType: string;
  encode(event: FakeStreamEvent): string | Uint8Array;
  readonly trailer: readonly (string | Uint8Array)[];
  readonly garbage: readonly (string | Uint8Array)[];
}
