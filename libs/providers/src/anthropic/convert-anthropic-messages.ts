import type { ChatMessage } from '@switchyard/contracts';
import { ProviderError } from '../provider-error.js';
import { ignoredFieldWarning } from '../shared/ignored-field-warning.js';
import {
  type AnthropicContentBlock,
  type AnthropicTextBlock,
  convertAnthropicContent,
} from './convert-anthropic-content.js';
import {
  type AnthropicThinkingBlock,
  convertReasoningDetails,
} from './convert-reasoning-details.js';
import { type AnthropicToolUseBlock, convertToolCall } from './convert-tool-call.js';

/** An Anthropic `tool_result` block: the answer to a `tool_use`, sent in a user turn. */
export interface AnthropicToolResultBlock {
  type: 'tool_result';
  tool_use_id: string;
  content?: string | AnthropicContentBlock[];
}

/** One turn of an Anthropic conversation. */
export interface AnthropicMessage {
  role: 'user' | 'assistant';
  content: Array<
    | AnthropicContentBlock
    | AnthropicToolUseBlock
    | AnthropicToolResultBlock
    | AnthropicThinkingBlock
  >;
}

/** The OpenAI conversation split into Anthropic's top-level `system` and its turns. */
export interface ConvertedMessages {
  system: string | AnthropicTextBlock[] | undefined;
  messages: AnthropicMessage[];
}

const MOVED_SYSTEM_WARNING =
  'a system message after the first turn was moved into the system prompt, as anthropic has no system role in messages';

/**
 * OpenAI messages as Anthropic's request: system and developer messages lifted into `system`
 * (a string, or text blocks when there are several), assistant tool calls as `tool_use` blocks,
 * tool messages as `tool_result` blocks in a user turn, OpenRouter's `reasoning_details` of an
 * assistant message as its thinking blocks, and consecutive turns of one role merged
 * because Anthropic wants the roles to alternate. A message left with no content is left out.
 */
export function convertAnthropicMessages(
  messages: readonly ChatMessage[],
  warnings: Set<string>,
): ConvertedMessages {
  const system: AnthropicTextBlock[] = [];
  const turns: AnthropicMessage[] = [];
  for (const [index, message] of messages.entries()) {
    const param = `messages[${index}]`;
    if (typeof message.name === 'string')
      warnings.add(ignoredFieldWarning('anthropic', 'messages[].name'));
    if (message.role === 'system' || message.role === 'developer') {
      if (turns.length > 0) warnings.add(MOVED_SYSTEM_WARNING);
      for (const block of convertAnthropicContent(message.content, `${param}.content`, warnings)) {
        if (block.type !== 'text') {
          throw ProviderError.invalidRequest(
            'anthropic takes only text in the system prompt.',
            `${param}.content`,
            'unsupported_parameter',
          );
        }
        system.push(block);
      }
      continue;
    }
    appendTurn(turns, convertTurn(message, param, warnings));
  }
  return { system: systemOf(system), messages: turns };
}

function convertTurn(
  message: Exclude<ChatMessage, { role: 'system' | 'developer' }>,
  param: string,
  warnings: Set<string>,
): AnthropicMessage {
  const content = `${param}.content`;
  switch (message.role) {
    case 'user':
      return { role: 'user', content: convertAnthropicContent(message.content, content, warnings) };
    case 'assistant': {
      // Its signed thinking first, as Anthropic wants it back before the text and tool use.
      const blocks: AnthropicMessage['content'] = [
        ...convertReasoningDetails(message.reasoning_details),
        ...convertAnthropicContent(message.content, content, warnings),
      ];
      for (const [index, call] of (message.tool_calls ?? []).entries()) {
        blocks.push(convertToolCall(call, `${param}.tool_calls[${index}]`));
      }
      return { role: 'assistant', content: blocks };
    }
    case 'tool':
      return { role: 'user', content: [toolResult(message, content, warnings)] };
  }
}

function toolResult(
  message: Extract<ChatMessage, { role: 'tool' }>,
  param: string,
  warnings: Set<string>,
): AnthropicToolResultBlock {
  const block: AnthropicToolResultBlock = {
    type: 'tool_result',
    tool_use_id: message.tool_call_id,
  };
  if (typeof message.content === 'string') block.content = message.content;
  else if (message.content !== null) {
    block.content = convertAnthropicContent(message.content, param, warnings);
  }
  return block;
}

function appendTurn(turns: AnthropicMessage[], turn: AnthropicMessage): void {
  if (turn.content.length === 0) return;
  const last = turns.at(-1);
  if (last?.role === turn.role) last.content.push(...turn.content);
  else turns.push(turn);
}

function systemOf(blocks: AnthropicTextBlock[]): ConvertedMessages['system'] {
  if (blocks.length === 0) return undefined;
  const [only] = blocks;
  return blocks.length === 1 && only !== undefined && only.cache_control === undefined
    ? only.text
    : blocks;
}
