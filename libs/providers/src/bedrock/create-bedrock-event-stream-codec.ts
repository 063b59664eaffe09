import { EventStreamCodec } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';

/** AWS's event-stream codec (frames with CRC-checked preludes and typed headers), UTF-8 aware. */
export function createBedrockEventStreamCodec(): EventStreamCodec {
  return new EventStreamCodec(toUtf8, fromUtf8);
}
