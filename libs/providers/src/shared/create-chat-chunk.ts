import type { ChatChunkChoice, ChatCompletionChunk, OpenAiUsage } from '@switchyard/contracts';

/** The fields every chunk of one streamed completion repeats. */
export interface ChunkMeta {
  id: string;
  created: number;
  model: string;
}

/**
 * One `chat.completion.chunk`. `usage` is null on ordinary chunks when the client asked for
 * usage (as OpenAI sends them) and left out when it did not.
 */
export function createChatChunk(
  meta: ChunkMeta,
  choices: ChatChunkChoice[],
  usage?: OpenAiUsage | null,
): ChatCompletionChunk {
  const chunk: ChatCompletionChunk = {
    id: meta.id,
    object: 'chat.completion.chunk',
    created: meta.created,
    model: meta.model,
    choices,
  };
  if (usage !== undefined) chunk.usage = usage;
  return chunk;
}
