import type { ChatCompletionRequest } from '@switchyard/contracts';
import { isPlainObject } from './is-plain-object.js';

/** Whether a content part of the conversation carries OpenRouter's `cache_control` mark. */
export function hasCacheControl(messages: ChatCompletionRequest['messages']): boolean {
  return messages.some(
    (message) =>
      Array.isArray(message.content) &&
      message.content.some((part) => isPlainObject(part) && part.cache_control !== undefined),
  );
}
