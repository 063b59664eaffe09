/** The fields every chunk of one streamed completion repeats. */
export interface ChunkMeta {
  id: string;
  created: number;
  model: string;
}

/**
 * One `chat.completion.chunk` as an SSE event. `usage` is null on ordinary chunks when the client
 * asked for usage (as OpenAI sends them) and left out when it did not.
 */
export function formatChatChunk(
  meta: ChunkMeta,
  choices: readonly Record<string, unknown>[],
  usage: Record<string, unknown> | null | undefined,
): string {
  const chunk = {
    id: meta.id,
    object: 'chat.completion.chunk',
    created: meta.created,
    model: meta.model,
    choices,
    ...(usage === undefined ? {} : { usage }),
  };
  return `data: ${JSON.stringify(chunk)}\n\n`;
}
