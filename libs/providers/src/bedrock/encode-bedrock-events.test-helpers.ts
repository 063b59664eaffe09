import { readFileSync } from 'node:fs';
import { fromUtf8 } from '@smithy/util-utf8';
import { createBedrockEventStreamCodec } from './create-bedrock-event-stream-codec.js';

/** One recorded ConverseStream event: its `:event-type` and JSON payload. */
export interface RecordedBedrockEvent {
  type: string;
  payload: unknown;
}

/** Recorded events as the event-stream frames Bedrock sends (`:message-type: event`). */
export function encodeBedrockEvents(events: readonly RecordedBedrockEvent[]): Uint8Array {
  const codec = createBedrockEventStreamCodec();
  const frames = events.map((event) =>
    codec.encode({
      headers: {
        ':event-type': { type: 'string', value: event.type },
        ':content-type': { type: 'string', value: 'application/json' },
        ':message-type': { type: 'string', value: 'event' },
      },
      body: fromUtf8(JSON.stringify(event.payload)),
    }),
  );
  return Buffer.concat(frames);
}

/** An exception frame, as Bedrock ends a stream that failed. */
export function encodeBedrockException(name: string, message: string): Uint8Array {
  return createBedrockEventStreamCodec().encode({
    headers: {
      ':exception-type': { type: 'string', value: name },
      ':content-type': { type: 'string', value: 'application/json' },
      ':message-type': { type: 'string', value: 'exception' },
    },
    body: fromUtf8(JSON.stringify({ message })),
  });
}

/** A fixture file of `__fixtures__/` as frames. */
export function bedrockStreamFixture(name: string): Uint8Array {
  const text = readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
  return encodeBedrockEvents(JSON.parse(text) as RecordedBedrockEvent[]);
}
