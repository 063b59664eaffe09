import type { AnthropicStreamEvent } from './anthropic-stream-event-schema.js';
import type { AnthropicStreamState } from './anthropic-stream-state.js';
import type { AnthropicUsage } from './anthropic-usage-schema.js';
import { convertAnthropicUsage } from './convert-anthropic-usage.js';
import { formatChatChunk } from './format-chat-chunk.js';
import { mapAnthropicStopReason } from './map-anthropic-stop-reason.js';

/** The events that become chunks; an `error` event ends the stream instead. */
export type TranslatableEvent = Exclude<AnthropicStreamEvent, { type: 'error' }>;
type EventOf<Type extends TranslatableEvent['type']> = Extract<TranslatableEvent, { type: Type }>;

/**
 * The OpenAI SSE text for one Anthropic event, updating the state: `message_start` → the role
 * chunk, text → content deltas, `tool_use` → tool_call deltas numbered 0..n, `message_delta` →
 * the finish chunk, `message_stop` → the usage chunk (when asked) and `data: [DONE]`. Thinking,
 * signatures, citations, server-tool blocks and pings give nothing.
 */
export function translateAnthropicEvent(
  state: AnthropicStreamState,
  event: TranslatableEvent,
): string {
  switch (event.type) {
    case 'message_start':
      state.meta.id = event.message.id;
      state.meta.model = event.message.model ?? state.options.upstreamModel;
      mergeUsage(state, event.message.usage);
      return chunk(state, { role: 'assistant', content: '' });
    case 'content_block_start':
      return onBlockStart(state, event);
    case 'content_block_delta':
      return onBlockDelta(state, event);
    case 'message_delta':
      mergeUsage(state, event.usage);
      if (event.delta.stop_reason == null || state.finishSent) return '';
      return finish(state, event.delta.stop_reason);
    case 'message_stop':
      return onMessageStop(state);
    case 'content_block_stop':
    case 'ping':
      return '';
  }
}

function onBlockStart(state: AnthropicStreamState, event: EventOf<'content_block_start'>): string {
  const block = event.content_block;
  if (block.type === 'text') return block.text ? chunk(state, { content: block.text }) : '';
  if (block.type !== 'tool_use' || block.id === undefined || block.name === undefined) return '';
  const index = state.toolIndexes.size;
  state.toolIndexes.set(event.index, index);
  const call = {
    index,
    id: block.id,
    type: 'function',
    function: { name: block.name, arguments: '' },
  };
  return chunk(state, { tool_calls: [call] });
}

function onBlockDelta(state: AnthropicStreamState, event: EventOf<'content_block_delta'>): string {
  const { delta } = event;
  if (delta.type === 'text_delta') return delta.text ? chunk(state, { content: delta.text }) : '';
  const index = state.toolIndexes.get(event.index);
  if (delta.type !== 'input_json_delta' || index === undefined || !delta.partial_json) return '';
  return chunk(state, { tool_calls: [{ index, function: { arguments: delta.partial_json } }] });
}

function onMessageStop(state: AnthropicStreamState): string {
  state.completed = true;
  let out = state.finishSent ? '' : finish(state, undefined);
  if (state.options.includeUsage) {
    const usage = convertAnthropicUsage(state.usage ?? {});
    const extra = state.options.annotateUsage?.(usage.tokens) ?? {};
    out += formatChatChunk(state.meta, [], { ...usage.body, ...extra });
  }
  return `${out}data: [DONE]\n\n`;
}

function finish(state: AnthropicStreamState, stopReason: string | undefined): string {
  state.finishSent = true;
  return chunk(state, {}, mapAnthropicStopReason(stopReason));
}

function mergeUsage(
  state: AnthropicStreamState,
  reported: AnthropicUsage | null | undefined,
): void {
  if (reported == null) return;
  const merged: AnthropicUsage = { ...state.usage };
  for (const [field, value] of Object.entries(reported)) {
    if (typeof value === 'number') merged[field] = value;
  }
  state.usage = merged;
}

function chunk(
  state: AnthropicStreamState,
  delta: Record<string, unknown>,
  finishReason: string | null = null,
): string {
  const choice = { index: 0, delta, logprobs: null, finish_reason: finishReason };
  return formatChatChunk(state.meta, [choice], state.options.includeUsage ? null : undefined);
}
