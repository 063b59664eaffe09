import type { ChatDelta } from '@switchyard/contracts';
import type { ChatStreamSink } from '../provider-adapter.js';
import { createChatChunk } from '../shared/create-chat-chunk.js';
import type { BedrockStreamEvent } from './bedrock-stream-event-schema.js';
import type { BedrockStreamState } from './bedrock-stream-state.js';
import { convertBedrockUsage } from './convert-bedrock-usage.js';
import { mapBedrockFinishReason } from './map-bedrock-finish-reason.js';

/**
 * The OpenAI chunks for one ConverseStream event, handed to `sink`: `messageStart` → the role
 * chunk, text deltas → content, `toolUse` blocks → tool_call deltas numbered 0..n,
 * `messageStop` → the finish chunk, `metadata` (usage, last) → the usage chunk when asked and
 * `done`. Reasoning deltas and block stops give nothing.
 */
export function translateBedrockEvent(
  state: BedrockStreamState,
  event: BedrockStreamEvent,
  sink: ChatStreamSink,
): void {
  switch (event.type) {
    case 'messageStart':
      start(state, sink);
      return;
    case 'contentBlockStart': {
      const toolUse = event.data.start?.toolUse;
      if (toolUse === undefined) return;
      start(state, sink);
      const index = state.toolIndexes.size;
      state.toolIndexes.set(event.data.contentBlockIndex, index);
      const call = {
        index,
        id: toolUse.toolUseId,
        type: 'function',
        function: { name: toolUse.name, arguments: '' },
      };
      sink.chunk(chunk(state, { tool_calls: [call] }));
      return;
    }
    case 'contentBlockDelta':
      onDelta(state, event.data, sink);
      return;
    case 'messageStop':
      start(state, sink);
      state.stopped = true;
      sink.chunk(chunk(state, {}, mapBedrockFinishReason(event.data.stopReason)));
      return;
    case 'metadata':
      if (event.data.usage != null) state.usage = event.data.usage;
      if (state.stopped) finishBedrockStream(state, sink);
      return;
    case 'contentBlockStop':
      return;
  }
}

/** Ends a stream that stopped: the usage chunk when asked, then `done`. */
export function finishBedrockStream(state: BedrockStreamState, sink: ChatStreamSink): void {
  if (state.completed) return;
  state.completed = true;
  if (state.options.includeUsage) {
    const usage = convertBedrockUsage(state.usage ?? {});
    const extra = state.options.annotateUsage?.(usage.tokens) ?? {};
    // Merged into the converted body (ours): a spread copy gets a hidden class of its own.
    sink.chunk(createChatChunk(state.meta, [], Object.assign(usage.body, extra)));
  }
  sink.done();
}

function onDelta(
  state: BedrockStreamState,
  data: Extract<BedrockStreamEvent, { type: 'contentBlockDelta' }>['data'],
  sink: ChatStreamSink,
): void {
  const { delta } = data;
  if (delta.text !== undefined) {
    start(state, sink);
    if (delta.text !== '') sink.chunk(chunk(state, { content: delta.text }));
    return;
  }
  const index = state.toolIndexes.get(data.contentBlockIndex);
  const input = delta.toolUse?.input;
  if (index === undefined || input === undefined || input === '') return;
  sink.chunk(chunk(state, { tool_calls: [{ index, function: { arguments: input } }] }));
}

function start(state: BedrockStreamState, sink: ChatStreamSink): void {
  if (state.started) return;
  state.started = true;
  sink.chunk(chunk(state, { role: 'assistant', content: '' }));
}

function chunk(state: BedrockStreamState, delta: ChatDelta, finishReason: string | null = null) {
  const choice = { index: 0, delta, logprobs: null, finish_reason: finishReason };
  return createChatChunk(state.meta, [choice], state.options.includeUsage ? null : undefined);
}
