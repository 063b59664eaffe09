import type { MessagesRequest } from '@switchyard/providers';
import { createPromptParts, type PromptParts, type PromptSize } from '../routing/prompt-parts.js';

/**
 * Measures a Messages request's prompt as its translation to a chat request would be measured,
 * without translating it (a native pass-through never needs the translation): the system prompt
 * and each turn are messages, a user turn's tool results a message each, their text (and text
 * documents) counted; an assistant turn's tool calls and the tool definitions are counted as
 * their JSON; images have a fixed cost; thinking is not counted.
 */
export function measureMessagesPrompt(request: MessagesRequest): PromptSize {
  const prompt = createPromptParts();
  const { system } = request;
  if (typeof system === 'string' && system !== '') {
    prompt.message();
    prompt.text(system);
  } else if (Array.isArray(system) && system.length > 0) {
    prompt.message();
    for (const block of system) prompt.text(block.text);
  }
  for (const turn of request.messages) {
    if (typeof turn.content === 'string') {
      prompt.message();
      prompt.text(turn.content);
    } else if (turn.role === 'assistant') {
      prompt.message();
      const calls: object[] = [];
      for (const block of turn.content) {
        if (block.type === 'text') prompt.text(block.text);
        else if (block.type === 'tool_use') calls.push(block);
      }
      // Serialised (a `structure` would be bounded without its escapes): a call's input may be a
      // whole file written, full of them.
      for (const call of calls) prompt.text(JSON.stringify(call));
    } else {
      // Text, images and documents make the user message; each tool result is a message of its own.
      let userMessage = false;
      for (const block of turn.content) {
        if (block.type === 'tool_result') {
          prompt.message();
          if (typeof block.content === 'string') prompt.text(block.content);
          else {
            for (const item of block.content ?? []) {
              if (item.type === 'text') prompt.text(item.text);
              else if (item.type === 'image') {
                prompt.image();
                userMessage = true;
              } else if (item.type === 'document' && measureDocument(prompt, item.source)) {
                userMessage = true;
              }
            }
          }
        } else if (block.type === 'text') {
          prompt.text(block.text);
          userMessage = true;
        } else if (block.type === 'image') {
          prompt.image();
          userMessage = true;
        } else if (block.type === 'document' && measureDocument(prompt, block.source)) {
          userMessage = true;
        }
      }
      if (userMessage) prompt.message();
    }
  }
  if (request.tools !== undefined && request.tools.length > 0) prompt.structure(request.tools);
  return prompt.size();
}

/**
 * A document as the translation carries it: a text document's text, a base64 one as a file part
 * (not counted, as an image is not read); any other source is dropped. Whether it carried one.
 */
function measureDocument(prompt: PromptParts, source: { type: string }): boolean {
  const { data } = source as { data?: unknown };
  if (source.type === 'text' && typeof data === 'string') {
    prompt.text(data);
    return true;
  }
  return source.type === 'base64' && typeof data === 'string';
}
