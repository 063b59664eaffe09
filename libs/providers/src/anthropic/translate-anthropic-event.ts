import type { ChatDelta } from '@switchyard/contracts';
import type { ChatStreamSink } from '../provider-adapter.js';
import { createChatChunk } from '../shared/create-chat-chunk.js';
import type { AnthropicStreamEvent } from './anthropic-stream-event-schema.js';
import type { AnthropicStreamState } from './anthropic-stream-state.js';
import type { AnthropicUsage } from './anthropic-usage-schema.js';
import { convertAnthropicUsage } from './convert-anthropic-usage.js';
import { ANTHROPIC_REASONING_FORMAT } from './convert-reasoning-details.js';
import { mapAnthropicFinishReason } from './map-anthropic-finish-reason.js';

/** The events that become chunks; an `error` event ends the stream instead. */
export type TranslatableEvent = Exclude<AnthropicStreamEvent, { type: 'error' }>;
type EventOf<Type extends TranslatableEvent['type']> = Extract<TranslatableEvent, { type: Type }>;

/**
 * The OpenAI chunks for one Anthropic event, handed to `sink`, updating the state:
 * `message_start` → the role chunk, text → content deltas, `tool_use` → tool_call deltas
 * numbered 0..n, `message_delta` → the finish chunk, `message_stop` → the usage chunk (when
 * asked) and `done`. Thinking gives `delta.reasoning` and OpenRouter's `reasoning_details` (the
 * signature in a detail of its own, redacted thinking as `reasoning.encrypted`); citations,
 * server-tool blocks and pings give nothing.
 */
export function translateAnthropicEvent(
  state: AnthropicStreamState,
  event: TranslatableEvent,
  sink: ChatStreamSink,
): void {
  switch (event.type) {
    case 'message_start':
      state.meta.id = event.message.id;
      state.meta.model = event.message.model ?? state.options.upstreamModel;
      mergeUsage(state, event.message.usage);
      sink.chunk(chunk(state, { role: 'assistant', content: '' }));
      return;
    case 'content_block_start':
      onBlockStart(state, event, sink);
      return;
    case 'content_block_delta':
      onBlockDelta(state, event, sink);
      return;
    case 'message_delta':
      mergeUsage(state, event.usage);
      if (event.delta.stop_reason != null && !state.finishSent) {
        sink.chunk(finish(state, event.delta.stop_reason));
      }
      return;
    case 'message_stop':
      onMessageStop(state, sink);
      return;
    case 'content_block_stop':
    case 'ping':
      return;
  }
}

function onBlockStart(
  state: AnthropicStreamState,
  event: EventOf<'content_block_start'>,
  sink: ChatStreamSink,
): void {
  const block = event.content_block;
  if (block.type === 'text') {
    if (block.text) sink.chunk(chunk(state, { content: block.text }));
    return;
  }
  if (block.type === 'thinking' || block.type === 'redacted_thinking') {
    const index = state.reasoningIndexes.size;
    state.reasoningIndexes.set(event.index, index);
    if (block.type === 'redacted_thinking' && typeof block.data === 'string') {
      const detail = { type: 'reasoning.encrypted', data: block.data, ...reasoningMeta(index) };
      sink.chunk(chunk(state, { reasoning_details: [detail] }));
    }
    return;
  }
  if (block.type !== 'tool_use' || block.id === undefined || block.name === undefined) return;
  const index = state.toolIndexes.size;
  state.toolIndexes.set(event.index, index);
  const call = {
    index,
    id: block.id,
    type: 'function',
    function: { name: block.name, arguments: '' },
  };
  sink.chunk(chunk(state, { tool_calls: [call] }));
}

function onBlockDelta(
  state: AnthropicStreamState,
  event: EventOf<'content_block_delta'>,
  sink: ChatStreamSink,
): void {
  const { delta } = event;
  if (delta.type === 'text_delta') {
    if (delta.text) sink.chunk(chunk(state, { content: delta.text }));
    return;
  }
  const reasoningIndex = state.reasoningIndexes.get(event.index);
  if (reasoningIndex !== undefined) {
    const meta = reasoningMeta(reasoningIndex);
    if (delta.type === 'thinking_delta' && typeof delta.thinking === 'string' && delta.thinking) {
      const detail = { type: 'reasoning.text', text: delta.thinking, ...meta };
      sink.chunk(chunk(state, { reasoning: delta.thinking, reasoning_details: [detail] }));
    } else if (delta.type === 'signature_delta' && typeof delta.signature === 'string') {
      const detail = { type: 'reasoning.text', text: '', signature: delta.signature, ...meta };
      sink.chunk(chunk(state, { reasoning_details: [detail] }));
    }
    return;
  }
  const index = state.toolIndexes.get(event.index);
  if (delta.type !== 'input_json_delta' || index === undefined || !delta.partial_json) return;
  sink.chunk(
    chunk(state, { tool_calls: [{ index, function: { arguments: delta.partial_json } }] }),
  );
}

function onMessageStop(state: AnthropicStreamState, sink: ChatStreamSink): void {
  state.completed = true;
  if (!state.finishSent) sink.chunk(finish(state, undefined));
  if (state.options.includeUsage) {
    const usage = convertAnthropicUsage(state.usage ?? {});
    const extra = state.options.annotateUsage?.(usage.tokens) ?? {};
    // Merged into the converted body (ours): a spread copy gets a hidden class of its own.
    sink.chunk(createChatChunk(state.meta, [], Object.assign(usage.body, extra)));
  }
  sink.done();
}

function finish(state: AnthropicStreamState, stopReason: string | undefined) {
  state.finishSent = true;
  return chunk(state, {}, mapAnthropicFinishReason(stopReason));
}

function mergeUsage(
  state: AnthropicStreamState,
  reported: AnthropicUsage | null | undefined,
): void {
  if (reported == null) return;
  const merged: AnthropicUsage = { ...state.usage };
  for (const [field, value] of Object.entries(reported)) {
    if (typeof value === 'number' || (field === 'cache_creation' && value != null)) {
      merged[field] = value;
    }
  }
  state.usage = merged;
}

/** OpenRouter's fields of a reasoning detail from an Anthropic model. */
function reasoningMeta(index: number) {
  return { format: ANTHROPIC_REASONING_FORMAT, index };
}

function chunk(state: AnthropicStreamState, delta: ChatDelta, finishReason: string | null = null) {
  const choice = { index: 0, delta, logprobs: null, finish_reason: finishReason };
  return createChatChunk(state.meta, [choice], state.options.includeUsage ? null : undefined);
}
