import type { ChatStreamEncoder } from '@switchyard/providers';

/**
 * A JSON `"model": "…"` member with an unescaped key: inside a JSON string (generated text, tool
 * arguments) the quotes are escaped, so only real members match.
 */
const MODEL_MEMBER = /"model"\s*:\s*"(?:[^"\\]|\\.)*"/g;

/**
 * An encoder whose chunks name the Switchyard model that serves (`openai/gpt-4o`), as OpenRouter
 * does, instead of the upstream's name (`gpt-4o-2024-08-06`). Typed chunks get the field set;
 * pass-through events stay as the upstream wrote them otherwise: only the member's value is
 * replaced, nothing re-serialised.
 */
export function withServedModel(encoder: ChatStreamEncoder, modelId: string): ChatStreamEncoder {
  // Every `$` doubled, so `$&` or `$1` in a model id is not read as a pattern. A replacement
  // string, not a function returning the member: V8 replaces with a string about twice as fast,
  // and this runs on every event of every stream.
  const replacement = `"model":${JSON.stringify(modelId)}`.replaceAll('$', '$$$$');
  return {
    chunk(chunk) {
      if (chunk.model !== undefined) chunk.model = modelId;
      encoder.chunk(chunk);
    },
    passThrough(sse) {
      encoder.passThrough(sse.replace(MODEL_MEMBER, replacement));
    },
    done: () => encoder.done(),
    take: () => encoder.take(),
    error: (error) => encoder.error(error),
    end: () => encoder.end(),
  };
}
