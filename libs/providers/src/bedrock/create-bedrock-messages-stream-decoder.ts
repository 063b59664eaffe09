import type { Message } from '@smithy/eventstream-codec';
import { toUtf8 } from '@smithy/util-utf8';
import { messagesErrorType } from '../anthropic-ingress/messages-error-type.js';
import type { NativeStreamDecoder } from '../native-messages-adapter.js';
import { ProviderError } from '../provider-error.js';
import { isPlainObject } from '../shared/is-plain-object.js';
import { parseJson } from '../shared/parse-json.js';
import { convertBedrockStreamException } from './convert-bedrock-stream-exception.js';
import { createBedrockEventStreamCodec } from './create-bedrock-event-stream-codec.js';
import { createEventStreamFrameSplitter } from './split-event-stream-frames.js';

/**
 * Turns an `invoke-with-response-stream` answer of a Claude model into the Anthropic SSE the
 * client's SDK reads. Each `chunk` frame carries `{"bytes": "<base64>"}`, the base64 of one
 * Messages stream event's JSON: it goes out as `event: <its type>\ndata: <that JSON>\n\n`, the
 * JSON as Bedrock sent it. An exception frame (`throttlingException`, `modelStreamErrorException`…),
 * a frame failing its CRC, or a chunk that is not one event's JSON comes out as Anthropic's
 * `error` event (credentials redacted) and nothing follows it; frame types added later are skipped.
 */
export function createBedrockMessagesStreamDecoder(): NativeStreamDecoder {
  const codec = createBedrockEventStreamCodec();
  const splitter = createEventStreamFrameSplitter();
  let failed = false;

  const decodeFrame = (frame: Uint8Array): string => {
    let message: Message;
    try {
      message = codec.decode(frame);
    } catch {
      return fail(ProviderError.malformed('event-stream frame', 'bedrock'));
    }
    const payload = toUtf8(message.body);
    if (stringHeader(message, ':message-type') !== 'event') {
      return fail(convertBedrockStreamException(message, payload));
    }
    if (stringHeader(message, ':event-type') !== 'chunk') return '';
    const chunk = parseJson(payload);
    if (!isPlainObject(chunk) || typeof chunk.bytes !== 'string') {
      return fail(ProviderError.malformed('stream chunk', 'bedrock'));
    }
    const json = Buffer.from(chunk.bytes, 'base64').toString('utf8');
    const event = parseJson(json);
    if (!isPlainObject(event) || typeof event.type !== 'string' || /[\r\n]/.test(event.type)) {
      return fail(ProviderError.malformed('stream event', 'bedrock'));
    }
    // One event's JSON may span lines only in a pretty-printed body: SSE needs one `data:` a line.
    return `event: ${event.type}\n${json
      .split(/\r?\n/)
      .map((line) => `data: ${line}`)
      .join('\n')}\n\n`;
  };
  const fail = (error: ProviderError): string => {
    failed = true;
    const type = messagesErrorType(error.status, { code: error.code });
    const body = { type: 'error', error: { type, message: error.message } };
    return `event: error\ndata: ${JSON.stringify(body)}\n\n`;
  };

  return {
    push(bytes) {
      if (failed) return '';
      let frames: Uint8Array[];
      try {
        frames = splitter.push(bytes);
      } catch {
        return fail(ProviderError.malformed('event stream', 'bedrock'));
      }
      let out = '';
      for (const frame of frames) {
        if (failed) break;
        out += decodeFrame(frame);
      }
      return out;
    },
  };
}

function stringHeader(message: Message, name: string): string | undefined {
  const value = message.headers[name];
  return value?.type === 'string' ? value.value : undefined;
}
