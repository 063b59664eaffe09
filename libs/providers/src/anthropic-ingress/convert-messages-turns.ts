import type { ChatMessage, contentPartSchema } from '@switchyard/contracts';
import type { z } from 'zod';
import type { MessagesRequest } from './messages-request-schema.js';

type ContentPart = z.infer<typeof contentPartSchema>;
type Turn = MessagesRequest['messages'][number];
type UserTurn = Extract<Turn, { role: 'user' }>;
type AssistantTurn = Extract<Turn, { role: 'assistant' }>;
type UserBlock = Exclude<UserTurn['content'], string>[number];
type ToolResultBlock = Extract<UserBlock, { type: 'tool_result' }>;
type ImageBlock = Extract<UserBlock, { type: 'image' }>;
type DocumentBlock = Extract<UserBlock, { type: 'document' }>;
type ToolCall = NonNullable<Extract<ChatMessage, { role: 'assistant' }>['tool_calls']>[number];

/** Collects a human-readable note about something that could not be carried over exactly. */
export type Warn = (warning: string) => void;

/** Prefix of a tool result the client marked `is_error`: OpenAI's tool message has no such flag. */
export const TOOL_ERROR_PREFIX = 'Error: ';

/**
 * Anthropic turns as OpenAI chat messages. A user turn's `tool_result` blocks become `tool`
 * messages (in block order) placed before the rest of that turn; assistant `tool_use` blocks
 * become `tool_calls`; thinking and unsupported blocks are dropped with a warning. A text block's
 * `cache_control` stays on its part (OpenRouter's convention).
 */
export function convertMessagesTurns(messages: readonly Turn[], warn: Warn): ChatMessage[] {
  return messages.flatMap((message) =>
    message.role === 'user'
      ? convertUserTurn(message, warn)
      : [convertAssistantTurn(message, warn)],
  );
}

function convertUserTurn(message: UserTurn, warn: Warn): ChatMessage[] {
  if (typeof message.content === 'string') return [{ role: 'user', content: message.content }];
  const toolMessages: ChatMessage[] = [];
  const parts: ContentPart[] = [];
  for (const block of message.content) {
    switch (block.type) {
      case 'text':
        parts.push(withCacheControl({ type: 'text', text: block.text }, block));
        break;
      case 'image':
        pushImage(parts, block, warn);
        break;
      case 'document':
        pushDocument(parts, block, warn);
        break;
      case 'tool_result':
        toolMessages.push(convertToolResult(block, parts, warn));
        break;
      case 'unsupported':
        warn(`${block.original_type} content blocks are not supported and were dropped`);
        break;
    }
  }
  if (parts.length === 0) return toolMessages;
  return [...toolMessages, { role: 'user', content: simplifyParts(parts) }];
}

/** A tool message for a tool result; its images, which a tool message cannot carry, go to `parts`. */
function convertToolResult(block: ToolResultBlock, parts: ContentPart[], warn: Warn): ChatMessage {
  let text = '';
  if (typeof block.content === 'string') text = block.content;
  else if (block.content !== undefined) {
    const texts: string[] = [];
    for (const item of block.content) {
      if (item.type === 'text') texts.push(item.text);
      else if (item.type === 'image') {
        warn('images in tool_result blocks were moved to the user message that follows');
        pushImage(parts, item, warn);
      } else if (item.type === 'document') {
        warn('documents in tool_result blocks were moved to the user message that follows');
        pushDocument(parts, item, warn);
      } else warn(`${item.original_type} blocks in tool_result are not supported and were dropped`);
    }
    text = texts.join('\n\n');
  }
  if (block.is_error === true) text = text === '' ? 'Error' : `${TOOL_ERROR_PREFIX}${text}`;
  return { role: 'tool', tool_call_id: block.tool_use_id, content: text };
}

function pushImage(parts: ContentPart[], block: ImageBlock, warn: Warn): void {
  const { source } = block;
  if (source.type === 'base64') {
    const url = `data:${source.media_type};base64,${source.data}`;
    parts.push({ type: 'image_url', image_url: { url } });
  } else if (source.type === 'url') {
    parts.push({ type: 'image_url', image_url: { url: source.url } });
  } else {
    warn(`image sources of type ${source.original_type} are not supported and were dropped`);
  }
}

/**
 * A block's `cache_control` on the part it became: OpenRouter's convention for prompt caching,
 * which the Anthropic adapter carries back to a block and OpenRouter reads.
 */
export function withCacheControl(part: ContentPart, block: object): ContentPart {
  const control = (block as Record<string, unknown>).cache_control;
  return control === undefined || control === null ? part : { ...part, cache_control: control };
}

/**
 * A document as a part: base64 data (a PDF) as a `file` part with a data URL, which OpenAI,
 * OpenRouter and the Gemini adapter read; plain text as a text part. A document by URL cannot be
 * sent as a chat file part and is dropped with a warning.
 */
function pushDocument(parts: ContentPart[], block: DocumentBlock, warn: Warn): void {
  const source = block.source as Record<string, unknown>;
  const title = typeof block.title === 'string' ? block.title : 'document';
  if (
    source.type === 'base64' &&
    typeof source.media_type === 'string' &&
    typeof source.data === 'string'
  ) {
    const file_data = `data:${source.media_type};base64,${source.data}`;
    parts.push(withCacheControl({ type: 'file', file: { file_data, filename: title } }, block));
  } else if (source.type === 'text' && typeof source.data === 'string') {
    parts.push(withCacheControl({ type: 'text', text: source.data }, block));
  } else {
    warn(`document sources of type ${String(source.type)} cannot be carried and were dropped`);
  }
}

/** One text part reads as a plain string, which every OpenAI-compatible server accepts. */
function simplifyParts(parts: ContentPart[]): string | ContentPart[] {
  const [first] = parts;
  if (
    parts.length === 1 &&
    first?.type === 'text' &&
    typeof first.text === 'string' &&
    first.cache_control === undefined
  ) {
    return first.text;
  }
  return parts;
}

function convertAssistantTurn(message: AssistantTurn, warn: Warn): ChatMessage {
  if (typeof message.content === 'string') return { role: 'assistant', content: message.content };
  const texts: string[] = [];
  const toolCalls: ToolCall[] = [];
  for (const block of message.content) {
    switch (block.type) {
      case 'text':
        texts.push(block.text);
        break;
      case 'tool_use':
        toolCalls.push({
          id: block.id,
          type: 'function',
          function: { name: block.name, arguments: JSON.stringify(block.input) },
        });
        break;
      case 'thinking':
      case 'redacted_thinking':
        warn('thinking blocks were dropped: other models cannot continue Anthropic thinking');
        break;
      case 'unsupported':
        warn(`${block.original_type} content blocks are not supported and were dropped`);
        break;
    }
  }
  // Consecutive text blocks are one text split by citations or streaming, so they join with nothing.
  const text = texts.join('');
  if (toolCalls.length === 0) return { role: 'assistant', content: text };
  return { role: 'assistant', content: text === '' ? null : text, tool_calls: toolCalls };
}
