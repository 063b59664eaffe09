import type { ChatStreamOptions, ChatStreamTransformer } from '../provider-adapter.js';
import type { ProviderError } from '../provider-error.js';
import {
  anthropicStreamEventSchema,
  KNOWN_STREAM_EVENT_TYPES,
} from './anthropic-stream-event-schema.js';
import { createAnthropicStreamState } from './anthropic-stream-state.js';
import { convertAnthropicUsage } from './convert-anthropic-usage.js';
import { convertStreamError } from './convert-stream-error.js';
import { createSseEventParser, type SseEvent } from './create-sse-event-parser.js';
import { isRecord } from './is-record.js';
import { malformedResponseError } from './malformed-response-error.js';
import { translateAnthropicEvent } from './translate-anthropic-event.js';

/**
 * Turns Anthropic's Messages stream (SSE split anywhere) into OpenAI chunks as its events
 * complete. An `error` event ends the stream with an OpenAI error event and is kept in `failure`,
 * as is an event that is not valid JSON or not the documented shape; event types added by
 * Anthropic later are skipped. Nothing is sent after `message_stop` or a failure.
 */
export function createAnthropicStreamTransformer(
  options: ChatStreamOptions,
): ChatStreamTransformer {
  const parser = createSseEventParser();
  const state = createAnthropicStreamState(options);
  let failure: ProviderError | undefined;

  const fail = (error: ProviderError): string => {
    failure = error;
    return '';
  };

  const onSseEvent = (sse: SseEvent): string => {
    if (state.completed || failure !== undefined) return '';
    const data = parseJson(sse.data);
    if (!isRecord(data) || typeof data.type !== 'string') {
      return fail(malformedResponseError('stream event'));
    }
    if (!KNOWN_STREAM_EVENT_TYPES.has(data.type)) return '';
    const parsed = anthropicStreamEventSchema.safeParse(data);
    if (!parsed.success) return fail(malformedResponseError(`${data.type} event`));
    const event = parsed.data;
    if (event.type === 'error') return fail(convertStreamError(event.error));
    return translateAnthropicEvent(state, event);
  };

  const transform = (events: SseEvent[]): string => events.map(onSseEvent).join('');

  return {
    push: (bytes) => transform(parser.push(bytes)),
    end: () => transform(parser.end()),
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

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
