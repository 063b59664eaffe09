import type { ChatStreamTransformer } from '@switchyard/providers';

/**
 * A JSON `"model": "…"` member with an unescaped key: inside a JSON string (generated text, tool
 * arguments) the quotes are escaped, so only real members match.
 */
const MODEL_MEMBER = /"model"\s*:\s*"(?:[^"\\]|\\.)*"/g;

/**
 * A stream transformer whose chunks name the Switchyard model that serves (`openai/gpt-4o`), as
 * OpenRouter does, instead of the upstream's name (`gpt-4o-2024-08-06`). The events stay as the
 * upstream wrote them otherwise: only the member's value is replaced, nothing re-serialised.
 */
export function withServedModel(
  transformer: ChatStreamTransformer,
  modelId: string,
): ChatStreamTransformer {
  const member = `"model":${JSON.stringify(modelId)}`;
  const rename = (text: string) => (text === '' ? text : text.replace(MODEL_MEMBER, member));
  return {
    push: (chunk) => rename(transformer.push(chunk)),
    end: () => rename(transformer.end()),
    get usage() {
      return transformer.usage;
    },
    get completed() {
      return transformer.completed;
    },
    get failure() {
      return transformer.failure;
    },
  };
}
