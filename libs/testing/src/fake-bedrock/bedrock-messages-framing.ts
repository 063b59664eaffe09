import { EventStreamCodec } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';
import type { FakeStreamEvent, FakeStreamFraming } from '../fake-upstream/fake-stream-framing.js';
import { isRecord } from '../fake-upstream/is-record.js';

const codec = new EventStreamCodec(toUtf8, fromUtf8);

function frame(kind: 'event' | 'exception', type: string, payload: unknown): Uint8Array {
  return codec.encode({
    headers: {
      [kind === 'event' ? ':event-type' : ':exception-type']: { type: 'string', value: type },
      ':content-type': { type: 'string', value: 'application/json' },
      ':message-type': { type: 'string', value: kind },
    },
    body: fromUtf8(JSON.stringify(payload)),
  });
}

/**
 * One Anthropic stream event as `invoke-with-response-stream` sends it: a `chunk` frame whose
 * payload is `{"bytes": "<base64 of the event's JSON>"}`. An Anthropic `error` event becomes
 * the exception frame Bedrock ends a failed stream with (`modelStreamErrorException`,
 * `{"message"}`).
 */
function encodeChunk(event: FakeStreamEvent): Uint8Array {
  if (event.event === 'error') {
    const error = isRecord(event.data) && isRecord(event.data.error) ? event.data.error : {};
    const message = typeof error.message === 'string' ? error.message : 'Model stream error';
    return frame('exception', 'modelStreamErrorException', { message });
  }
  const bytes = Buffer.from(JSON.stringify(event.data)).toString('base64');
  return frame('event', 'chunk', { bytes });
}

/** A chunk frame whose message checksum is wrong: what a client's codec must refuse. */
function corruptFrame(): Uint8Array {
  const bytes = encodeChunk({ event: 'message_stop', data: { type: 'message_stop' } });
  const last = bytes.length - 1;
  bytes[last] = (bytes[last] ?? 0) ^ 0xff;
  return bytes;
}

/**
 * InvokeModelWithResponseStream's framing for Claude: `application/vnd.amazon.eventstream`, one
 * `chunk` frame per Anthropic event, no trailer; `garbage` is a frame with a broken checksum.
 */
export const bedrockMessagesFraming: FakeStreamFraming = {
  contentType: 'application/vnd.amazon.eventstream',
  encode: encodeChunk,
  trailer: [],
  garbage: [corruptFrame()],
};
