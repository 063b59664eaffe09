import type { ChatCompletionRequest } from '@switchyard/contracts';
import { hasCacheControl } from '../shared/has-cache-control.js';
import { ignoredFieldWarning } from '../shared/ignored-field-warning.js';
import { isPlainObject } from '../shared/is-plain-object.js';

/**
 * The messages without OpenRouter's `cache_control` on content parts, for a server that does not
 * read it (OpenAI caches prompts by itself; a strict server would refuse the unknown field),
 * named in a warning. The request's own messages when none has one: nothing is copied.
 */
export function stripCacheControl(
  messages: ChatCompletionRequest['messages'],
  provider: string,
  warnings: string[],
): ChatCompletionRequest['messages'] {
  if (!hasCacheControl(messages)) return messages;
  const marked = (part: unknown) => isPlainObject(part) && part.cache_control !== undefined;
  warnings.push(ignoredFieldWarning(provider, 'cache_control'));
  return messages.map((message) => {
    if (!Array.isArray(message.content) || !message.content.some(marked)) return message;
    const content = message.content.map((part) => {
      if (!marked(part)) return part;
      const { cache_control: _, ...rest } = part as Record<string, unknown>;
      return rest;
    });
    return { ...message, content } as typeof message;
  });
}
