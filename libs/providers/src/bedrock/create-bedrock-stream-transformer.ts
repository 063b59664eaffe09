import type { Message } from '@smithy/eventstream-codec';
import { toUtf8 } from '@smithy/util-utf8';
import type {
  ChatStreamOptions,
  ChatStreamSink,
  ChatStreamTransformer,
  ReportingStreamTransformer,
} from '../provider-adapter.js';
import { ProviderError } from '../provider-error.js';
import { parseJson } from '../shared/parse-json.js';
import type { BedrockUsage } from './bedrock-converse-schema.js';
import { bedrockResponseId } from './bedrock-response-id.js';
import {
  type BedrockStreamEvent,
  bedrockStreamEventSchemas,
  isBedrockStreamEventType,
} from './bedrock-stream-event-schema.js';
import { createBedrockStreamState } from './bedrock-stream-state.js';
import { convertBedrockStreamException } from './convert-bedrock-stream-exception.js';
import { convertBedrockUsage } from './convert-bedrock-usage.js';
import { createBedrockEventStreamCodec } from './create-bedrock-event-stream-codec.js';
import { createEventStreamFrameSplitter } from './split-event-stream-frames.js';
import { finishBedrockStream, translateBedrockEvent } from './translate-bedrock-event.js';

/**
 * Turns a ConverseStream response (AWS event-stream frames, split anywhere) into OpenAI chunks
 * as its frames complete. A frame that fails its CRC or is not the documented JSON, and an
 * exception frame, end the stream and are kept in `failure`; event types added later are
 * skipped. Nothing is handed over after the stream completed or failed.
 */
export function createBedrockStreamTransformer(options: ChatStreamOptions): ChatStreamTransformer {
  const codec = createBedrockEventStreamCodec();
  const splitter = createEventStreamFrameSplitter();
  const state = createBedrockStreamState(options);
  let reportedUsage: BedrockUsage | undefined;

  /** Brings the reported usage and end up to date with the state. */
  const report = (): void => {
    transformer.completed = state.completed;
    if (state.usage === reportedUsage) return;
    reportedUsage = state.usage;
    transformer.usage =
      state.usage === undefined ? undefined : convertBedrockUsage(state.usage).tokens;
  };

  const onFrame = (frame: Uint8Array, sink: ChatStreamSink): void => {
    if (state.completed || transformer.failure !== undefined) return;
    let message: Message;
    try {
      message = codec.decode(frame);
    } catch {
      transformer.failure = ProviderError.malformed('event-stream frame', 'bedrock');
      return;
    }
    if (state.meta.id === '') state.meta.id = bedrockResponseId(frame);
    const payload = toUtf8(message.body);
    const messageType = stringHeader(message, ':message-type');
    if (messageType !== 'event') {
      transformer.failure = convertBedrockStreamException(message, payload);
      return;
    }
    const event = readEvent(stringHeader(message, ':event-type'), payload);
    if (event === 'malformed') {
      transformer.failure = ProviderError.malformed('stream event', 'bedrock');
    } else if (event !== undefined) translateBedrockEvent(state, event, sink);
  };

  // Plain fields, updated after each push and the end, not getters: V8 allocates an object's own
  // accessor pair in the old generation, where it would keep the stream alive past young GCs.
  const transformer: ReportingStreamTransformer = {
    usage: undefined,
    completed: false,
    failure: undefined,
    push(bytes, sink) {
      if (transformer.failure !== undefined) return;
      let frames: Uint8Array[];
      try {
        frames = splitter.push(bytes);
      } catch {
        transformer.failure = ProviderError.malformed('event stream', 'bedrock');
        return;
      }
      try {
        for (const frame of frames) onFrame(frame, sink);
      } finally {
        report();
      }
    },
    end(sink) {
      if (transformer.failure !== undefined || state.completed) return;
      if (splitter.pending > 0) {
        transformer.failure = ProviderError.malformed('event stream', 'bedrock');
      } else if (state.stopped) {
        // A stream that stopped but sent no metadata frame still finished its answer.
        try {
          finishBedrockStream(state, sink);
        } finally {
          report();
        }
      }
    },
  };
  return transformer;
}

function stringHeader(message: Message, name: string): string | undefined {
  const value = message.headers[name];
  return value?.type === 'string' ? value.value : undefined;
}

/** The parsed event, undefined for a type not read, 'malformed' for a known type's bad payload. */
function readEvent(
  type: string | undefined,
  payload: string,
): BedrockStreamEvent | 'malformed' | undefined {
  if (type === undefined) return 'malformed';
  if (!isBedrockStreamEventType(type)) return undefined;
  const parsed = bedrockStreamEventSchemas[type].safeParse(parseJson(payload));
  if (!parsed.success) return 'malformed';
  return { type, data: parsed.data } as BedrockStreamEvent;
}
