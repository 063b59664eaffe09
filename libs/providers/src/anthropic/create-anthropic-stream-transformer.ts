import type {
  ChatStreamOptions,
  ChatStreamSink,
  ChatStreamTransformer,
} from '../provider-adapter.js';
import { ProviderError } from '../provider-error.js';
import { createSseParser } from '../shared/create-sse-parser.js';
import { isPlainObject } from '../shared/is-plain-object.js';
import { parseJson } from '../shared/parse-json.js';
import type { SseEvent } from '../shared/parse-sse-events.js';
import {
  anthropicStreamEventSchema,
  KNOWN_STREAM_EVENT_TYPES,
} from './anthropic-stream-event-schema.js';
import { createAnthropicStreamState } from './anthropic-stream-state.js';
import { convertAnthropicUsage } from './convert-anthropic-usage.js';
import { convertStreamError } from './convert-stream-error.js';
import { translateAnthropicEvent } from './translate-anthropic-event.js';

/**
 * Turns Anthropic's Messages stream (SSE split anywhere) into OpenAI chunks as its events
 * complete. An `error` event ends the stream and is kept in `failure`, as is an event that is
 * not valid JSON or not the documented shape; event types added by Anthropic later are skipped.
 * Nothing is handed over after `message_stop` or a failure.
 */
export function createAnthropicStreamTransformer(
  options: ChatStreamOptions,
): ChatStreamTransformer {
  const parser = createSseParser();
  const state = createAnthropicStreamState(options);
  let failure: ProviderError | undefined;

  const onSseEvent = (sse: SseEvent, sink: ChatStreamSink): void => {
    if (state.completed || failure !== undefined) return;
    const data = parseJson(sse.data);
    if (!isPlainObject(data) || typeof data.type !== 'string') {
      failure = ProviderError.malformed('stream event', 'anthropic');
      return;
    }
    if (!KNOWN_STREAM_EVENT_TYPES.has(data.type)) return;
    const parsed = anthropicStreamEventSchema.safeParse(data);
    if (!parsed.success) {
      failure = ProviderError.malformed(`${data.type} event`, 'anthropic');
      return;
    }
    const event = parsed.data;
    if (event.type === 'error') failure = convertStreamError(event.error);
    else translateAnthropicEvent(state, event, sink);
  };

  return {
    push(bytes, sink) {
      for (const event of parser.push(bytes)) onSseEvent(event, sink);
    },
    end(sink) {
      for (const event of parser.end()) onSseEvent(event, sink);
    },
    get usage() {
      return state.usage === undefined ? undefined : convertAnthropicUsage(state.usage).tokens;
    },
    get completed() {
      return state.completed;
    },
    get failure() {
      return failure;
    },
  };
}
