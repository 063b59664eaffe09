import type {
  ChatStreamOptions,
  ChatStreamSink,
  ChatStreamTransformer,
  ReportingStreamTransformer,
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
import type { AnthropicUsage } from './anthropic-usage-schema.js';
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
  let reportedUsage: AnthropicUsage | undefined;

  /** Brings the reported usage and end up to date with the state. */
  const report = (): void => {
    transformer.completed = state.completed;
    if (state.usage === reportedUsage) return;
    reportedUsage = state.usage;
    transformer.usage =
      state.usage === undefined ? undefined : convertAnthropicUsage(state.usage).tokens;
  };

  const onSseEvent = (sse: SseEvent, sink: ChatStreamSink): void => {
    if (state.completed || transformer.failure !== undefined) return;
    const data = parseJson(sse.data);
    if (!isPlainObject(data) || typeof data.type !== 'string') {
      transformer.failure = ProviderError.malformed('stream event', 'anthropic');
      return;
    }
    if (!KNOWN_STREAM_EVENT_TYPES.has(data.type)) return;
    const parsed = anthropicStreamEventSchema.safeParse(data);
    if (!parsed.success) {
      transformer.failure = ProviderError.malformed(`${data.type} event`, 'anthropic');
      return;
    }
    const event = parsed.data;
    if (event.type === 'error') transformer.failure = convertStreamError(event.error);
    else translateAnthropicEvent(state, event, sink);
  };

  // Plain fields, updated after each push and the end, not getters: V8 allocates an object's own
  // accessor pair in the old generation, where it would keep the stream alive past young GCs.
  const transformer: ReportingStreamTransformer = {
    usage: undefined,
    completed: false,
    failure: undefined,
    push(bytes, sink) {
      try {
        for (const event of parser.push(bytes)) onSseEvent(event, sink);
      } finally {
        report();
      }
    },
    end(sink) {
      try {
        for (const event of parser.end()) onSseEvent(event, sink);
      } finally {
        report();
      }
    },
  };
  return transformer;
}
