import type { ChatStreamEncoder } from '@switchyard/providers';

const REASONING_FIELDS = ['reasoning', 'reasoning_content', 'reasoning_details'] as const;

/**
 * An encoder that leaves reasoning out of typed chunks, for a request with OpenRouter's
 * `reasoning.exclude`: the model reasons (and bills it), the client is not sent it. A chunk that
 * carried nothing else is not sent at all. Pass-through events stay as the upstream wrote them
 * (an OpenAI-compatible upstream reads `reasoning.exclude` itself).
 */
export function withoutReasoning(encoder: ChatStreamEncoder): ChatStreamEncoder {
  return {
    chunk(chunk) {
      let emptied = false;
      for (const choice of chunk.choices ?? []) {
        const delta = choice.delta;
        if (delta == null || !REASONING_FIELDS.some((field) => delta[field] != null)) continue;
        for (const field of REASONING_FIELDS) delete delta[field];
        emptied ||= Object.keys(delta).length === 0 && choice.finish_reason == null;
      }
      const onlyChoice = chunk.choices?.length === 1 && chunk.usage == null;
      if (emptied && onlyChoice) return;
      encoder.chunk(chunk);
    },
    passThrough: (sse) => encoder.passThrough(sse),
    done: () => encoder.done(),
    take: () => encoder.take(),
    error: (error) => encoder.error(error),
    end: () => encoder.end(),
  };
}

/** A completion body with reasoning left out of its messages (non-streamed `reasoning.exclude`). */
export function stripReasoning(body: Record<string, unknown>): void {
  const choices = Array.isArray(body.choices) ? body.choices : [];
  for (const choice of choices) {
    const message = (choice as { message?: Record<string, unknown> }).message;
    if (message === undefined || message === null) continue;
    for (const field of REASONING_FIELDS) delete message[field];
  }
}
