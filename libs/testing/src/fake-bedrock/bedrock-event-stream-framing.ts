import { EventStreamCodec } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';
import type { FakeStreamEvent, FakeStreamFraming } from '../fake-upstream/fake-stream-framing.js';

const codec = new EventStreamCodec(toUtf8, fromUtf8);

/** The event name that makes a frame an exception: `exception:<name>` (e.g. `exception:throttlingException`). */
const EXCEPTION_PREFIX = 'exception:';

/** One event as an AWS event-stream frame (CRC-checked prelude and message, typed headers). */
function encodeFrame(event: FakeStreamEvent): Uint8Array {
  const name = event.event ?? 'unknown';
  const exception = name.startsWith(EXCEPTION_PREFIX);
  return codec.encode({
    headers: {
      [exception ? ':exception-type' : ':event-type']: {
        type: 'string',
        value: exception ? name.slice(EXCEPTION_PREFIX.length) : name,
      },
      ':content-type': { type: 'string', value: 'application/json' },
      ':message-type': { type: 'string', value: exception ? 'exception' : 'event' },
    },
    body: fromUtf8(JSON.stringify(event.data)),
  });
}

/** A frame whose message checksum is wrong: what a client's codec must refuse. */
function corruptFrame(): Uint8Array {
  const frame = encodeFrame({ event: 'contentBlockDelta', data: { delta: { text: 'garbage' } } });
  const last = frame.length - 1;
  frame[last] = (frame[last] ?? 0) ^ 0xff;
  return frame;
}

/**
 * ConverseStream's framing: `application/vnd.amazon.eventstream`, one binary frame per event
 * (encoded with AWS's own codec), no trailer; `garbage` is a frame with a broken checksum.
 */
export const bedrockEventStreamFraming: FakeStreamFraming = {
  contentType: 'application/vnd.amazon.eventstream',
  encode: encodeFrame,
  trailer: [],
  garbage: [corruptFrame()],
};
