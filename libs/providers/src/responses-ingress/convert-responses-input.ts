import type {
  ChatMessage,
  ResponsesContentPart,
  ResponsesInputItem,
  ResponsesMessageItem,
} from '@switchyard/contracts';
import {
  type ChatPart,
  chatContent,
  convertResponsesContent,
} from './convert-responses-content.js';

type Warn = (warning: string) => void;
type AssistantMessage = Extract<ChatMessage, { role: 'assistant' }>;

/**
 * Responses input items as chat messages, in order: a message item → a message of its role, a
 * run of function calls (with the assistant text before them) → one assistant message with
 * `tool_calls`, a function call's output → a `tool` message. Reasoning items and built-in tool
 * items have no chat equivalent: named in the warnings and left out.
 */
export function convertResponsesInput(
  input: string | readonly ResponsesInputItem[],
  warn: Warn,
): ChatMessage[] {
  if (typeof input === 'string') return [{ role: 'user', content: input }];
  const messages: ChatMessage[] = [];
  // The assistant message function calls join: the one just written, if nothing came between.
  let assistant: AssistantMessage | undefined;
  for (const item of input) {
    switch (item.type) {
      case 'message': {
        const message = convertMessageItem(item, warn);
        messages.push(message);
        assistant = message.role === 'assistant' ? message : undefined;
        break;
      }
      case 'function_call': {
        if (assistant === undefined) {
          assistant = { role: 'assistant', content: null };
          messages.push(assistant);
        }
        assistant.tool_calls = [
          ...(assistant.tool_calls ?? []),
          {
            id: item.call_id,
            type: 'function',
            function: { name: item.name, arguments: item.arguments },
          },
        ];
        break;
      }
      case 'function_call_output':
        messages.push({
          role: 'tool',
          tool_call_id: item.call_id,
          content: typeof item.output === 'string' ? item.output : textOf(item.output, warn),
        });
        assistant = undefined;
        break;
      case 'reasoning':
        // Reasoning between a message and its function calls keeps them in one turn.
        warn(
          item.encrypted_content != null
            ? 'reasoning items with encrypted_content can only be carried to OpenAI routes and were dropped'
            : 'reasoning input items have no chat equivalent and were dropped',
        );
        break;
      default:
        warn(`${item.type} input items are only served by OpenAI routes and were dropped`);
        assistant = undefined;
    }
  }
  return messages;
}

function convertMessageItem(item: ResponsesMessageItem, warn: Warn): ChatMessage {
  const parts =
    typeof item.content === 'string' ? item.content : chatContent(carried(item.content, warn));
  switch (item.role) {
    case 'assistant':
      return {
        role: 'assistant',
        content: typeof parts === 'string' ? parts : textOnly(parts, warn),
      };
    case 'system':
      return { role: 'system', content: typeof parts === 'string' ? parts : textOnly(parts, warn) };
    case 'developer':
      return {
        role: 'developer',
        content: typeof parts === 'string' ? parts : textOnly(parts, warn),
      };
    case 'user':
      return { role: 'user', content: parts };
  }
}

function carried(parts: readonly ResponsesContentPart[], warn: Warn): ChatPart[] {
  return parts.flatMap((part) => convertResponsesContent(part, warn) ?? []);
}

/** A tool result's parts as text: chat `tool` messages take text only. */
function textOf(parts: readonly ResponsesContentPart[], warn: Warn): string {
  return textOnly(carried(parts, warn), warn);
}

/** The text of parts where only text is carried (assistant, system and tool turns). */
function textOnly(parts: readonly ChatPart[], warn?: Warn): string {
  if (parts.some((part) => part.type !== 'text')) {
    warn?.('non-text parts of assistant, system, developer and tool turns were dropped');
  }
  return parts.map((part) => (part.type === 'text' ? part.text : '')).join('');
}
