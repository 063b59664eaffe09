import type { ChatStreamOptions } from '../provider-adapter.js';
import type { ChunkMeta } from '../shared/create-chat-chunk.js';
import type { BedrockUsage } from './bedrock-converse-schema.js';

/** What one ConverseStream translation remembers between events. */
export interface BedrockStreamState {
  readonly options: ChatStreamOptions;
  /** The id is set from the first frame's bytes (Bedrock sends none). */
  readonly meta: ChunkMeta;
  /** Content block index → the OpenAI `tool_calls` index of the tool call it holds. */
  readonly toolIndexes: Map<number, number>;
  /** The role chunk was sent. */
  started: boolean;
  /** `messageStop` arrived and its finish chunk was sent. */
  stopped: boolean;
  usage: BedrockUsage | undefined;
  /** The stream ended properly (`metadata` after `messageStop`, or the end after `messageStop`). */
  completed: boolean;
}

/** The state of a stream that has not started. */
export function createBedrockStreamState(options: ChatStreamOptions): BedrockStreamState {
  return {
    options,
    meta: { id: '', created: options.createdAtSeconds, model: options.upstreamModel },
    toolIndexes: new Map(),
    started: false,
    stopped: false,
    usage: undefined,
    completed: false,
  };
}
