import type { ChatStreamOptions } from '../provider-adapter.js';
import type { ChunkMeta } from '../shared/create-chat-chunk.js';
import type { AnthropicUsage } from './anthropic-usage-schema.js';

/** What one Anthropic stream's translation remembers between events. */
export interface AnthropicStreamState {
  readonly options: ChatStreamOptions;
  /** id and model from `message_start`; until then empty and the upstream model name. */
  readonly meta: ChunkMeta;
  /** Content block index → the OpenAI `tool_calls` index of the `tool_use` block it holds. */
  readonly toolIndexes: Map<number, number>;
  /** Content block index → the `reasoning_details` index of the thinking block it holds. */
  readonly reasoningIndexes: Map<number, number>;
  /** Usage so far: `message_start`'s, with `message_delta`'s cumulative counts laid over it. */
  usage: AnthropicUsage | undefined;
  finishSent: boolean;
  /** `message_stop` arrived. */
  completed: boolean;
}

/** The state of a stream that has not started. */
export function createAnthropicStreamState(options: ChatStreamOptions): AnthropicStreamState {
  return {
    options,
    meta: { id: '', created: options.createdAtSeconds, model: options.upstreamModel },
    toolIndexes: new Map(),
    reasoningIndexes: new Map(),
    usage: undefined,
    finishSent: false,
    completed: false,
  };
}
