import type { TokenUsage } from '@switchyard/contracts';
import type { ChatStreamOptions, ChatStreamTransformer } from '../provider-adapter.js';
import type { ProviderError } from '../provider-error.js';
import {
  type AnthropicStreamEvent,
  anthropicStreamEventSchema,
  KNOWN_STREAM_EVENT_TYPES,
} from './anthropic-stream-event-schema.js';
import type { AnthropicUsage } from './anthropic-usage-schema.js';
import { convertAnthropicUsage } from './convert-anthropic-usage.js';
import { convertStreamError } from './convert-stream-error.js';
import { createSseEventParser, type SseEvent } from './create-sse-event-parser.js';
import { formatChatChunk } from './format-chat-chunk.js';
import { formatErrorEvent } from './format-error-event.js';
import { isRecord } from './is-record.js';
import { malformedResponseError } from './malformed-response-error.js';
import { mapAnthropicStopReason } from './map-anthropic-stop-reason.js';

type EventOf<Type extends AnthropicStreamEvent['type']> = Extract<
  AnthropicStreamEvent,
  { type: Type }
>;

/**
 * Turns Anthropic's Messages stream into OpenAI chunks as events complete: `message_start` → the
 * role chunk, text deltas → content, `tool_use` blocks → tool_call deltas (indexed 0..n in order),
 * `message_delta` → the finish chunk, `message_stop` → the usage chunk (when asked) and
 * `data: [DONE]`. Thinking, citations and pings are dropped; an `error` event ends the stream
 * with an OpenAI error event and is kept in `failure`, as is an event that is not valid JSON.
 */
export function createAnthropicStreamTransformer(
  options: ChatStreamOptions,
): ChatStreamTransformer {
  const parser = createSseEventParser();
  const meta = { id: '', created: options.createdAtSeconds, model: options.upstreamModel };
  /** Content block index → the OpenAI tool_call index of the tool_use block it holds. */
  const toolIndexes = new Map<number, number>();
  let usage: AnthropicUsage | undefined;
  let finishSent = false;
  let completed = false;
  let failure: ProviderError | undefined;

  const chunk = (delta: Record<string, unknown>, finishReason: string | null = null): string =>
    formatChatChunk(
      meta,
      [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
      options.includeUsage ? null : undefined,
    );

  const mergeUsage = (reported: AnthropicUsage | null | undefined): void => {
    if (reported == null) return;
    // message_delta counts are cumulative: a reported field replaces the earlier one.
    const merged: AnthropicUsage = { ...usage };
    for (const [field, value] of Object.entries(reported)) {
      if (typeof value === 'number') merged[field] = value;
    }
    usage = merged;
  };

  const fail = (error: ProviderError): string => {
    failure = error;
    return formatErrorEvent(error);
  };

  const onBlockStart = ({
    index,
    content_block: block,
  }: EventOf<'content_block_start'>): string => {
    if (block.type === 'text') return block.text ? chunk({ content: block.text }) : '';
    if (block.type !== 'tool_use') return '';
    if (block.id === undefined || block.name === undefined) {
      return fail(malformedResponseError('tool_use block'));
    }
    const toolIndex = toolIndexes.size;
    toolIndexes.set(index, toolIndex);
    const call = { index: toolIndex, id: block.id, type: 'function' };
    return chunk({ tool_calls: [{ ...call, function: { name: block.name, arguments: '' } }] });
  };

  const onBlockDelta = ({ index, delta }: EventOf<'content_block_delta'>): string => {
    if (delta.type === 'text_delta') return delta.text ? chunk({ content: delta.text }) : '';
    const toolIndex = toolIndexes.get(index);
    if (delta.type !== 'input_json_delta' || toolIndex === undefined || !delta.partial_json) {
      return ''; // thinking, signatures, citations, server-tool input, empty fragments
    }
    const fragment = { index: toolIndex, function: { arguments: delta.partial_json } };
    return chunk({ tool_calls: [fragment] });
  };

  const finish = (stopReason: string | null | undefined): string => {
    finishSent = true;
    return chunk({}, mapAnthropicStopReason(stopReason));
  };

  const onMessageStop = (): string => {
    completed = true;
    let out = finishSent ? '' : finish(undefined);
    if (options.includeUsage) {
      const converted = convertAnthropicUsage(usage ?? {});
      const extra = options.annotateUsage?.(converted.tokens) ?? {};
      out += formatChatChunk(meta, [], { ...converted.body, ...extra });
    }
    return `${out}data: [DONE]\n\n`;
  };

  const onEvent = (event: AnthropicStreamEvent): string => {
    switch (event.type) {
      case 'message_start':
        meta.id = event.message.id;
        meta.model = event.message.model ?? options.upstreamModel;
        mergeUsage(event.message.usage);
        return chunk({ role: 'assistant', content: '' });
      case 'content_block_start':
        return onBlockStart(event);
      case 'content_block_delta':
        return onBlockDelta(event);
      case 'message_delta':
        mergeUsage(event.usage);
        return event.delta.stop_reason == null || finishSent ? '' : finish(event.delta.stop_reason);
      case 'message_stop':
        return onMessageStop();
      case 'error':
        return fail(convertStreamError(event.error));
      case 'content_block_stop':
      case 'ping':
        return '';
    }
  };

  const onSseEvent = (sse: SseEvent): string => {
    if (completed || failure !== undefined) return '';
    const data = parseJson(sse.data);
    if (!isRecord(data) || typeof data.type !== 'string') {
      return fail(malformedResponseError('stream event'));
    }
    if (!KNOWN_STREAM_EVENT_TYPES.has(data.type)) return '';
    const parsed = anthropicStreamEventSchema.safeParse(data);
    if (!parsed.success) return fail(malformedResponseError(`${data.type} event`));
    return onEvent(parsed.data);
  };

  const transform = (events: SseEvent[]): string => events.map(onSseEvent).join('');

  return {
    push: (bytes) => transform(parser.push(bytes)),
    end: () => transform(parser.end()),
    get usage(): TokenUsage | undefined {
      return usage === undefined ? undefined : convertAnthropicUsage(usage).tokens;
    },
    get completed() {
      return completed;
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
