import type { ChatMessage } from '@switchyard/contracts';
import { ProviderError } from '../provider-error.js';
import { ignoredFieldWarning } from '../shared/ignored-field-warning.js';
import { parseJsonObject } from '../shared/parse-json-object.js';
import {
  type BedrockContentBlock,
  type BedrockTextBlock,
  convertBedrockContent,
} from './convert-bedrock-content.js';

/** A Converse `toolUse` block: a call the assistant made earlier in the conversation. */
export interface BedrockToolUseBlock {
  toolUse: { toolUseId: string; name: string; input: Record<string, unknown> };
}

/** A Converse `toolResult` block: the answer to a `toolUse`, sent in a user turn. */
export interface BedrockToolResultBlock {
  toolResult: { toolUseId: string; content: BedrockContentBlock[] };
}

/** One turn of a Converse conversation. */
export interface BedrockMessage {
  role: 'user' | 'assistant';
  content: Array<BedrockContentBlock | BedrockToolUseBlock | BedrockToolResultBlock>;
}

/** The OpenAI conversation split into Converse's `system` blocks and its turns. */
export interface ConvertedBedrockMessages {
  system: BedrockTextBlock[];
  messages: BedrockMessage[];
}

const MOVED_SYSTEM_WARNING =
  'a system message after the first turn was moved into the system prompt, as bedrock has no system role in messages';

/**
 * OpenAI messages as a Converse request: system and developer messages lifted into `system`,
 * assistant tool calls as `toolUse` blocks, tool messages as `toolResult` blocks in a user turn,
 * and consecutive turns of one role merged, since Converse wants the roles to alternate.
 */
export function convertBedrockMessages(
  messages: readonly ChatMessage[],
  warnings: Set<string>,
): ConvertedBedrockMessages {
  const system: BedrockTextBlock[] = [];
  const turns: BedrockMessage[] = [];
  for (const [index, message] of messages.entries()) {
    const param = `messages[${index}]`;
    if (typeof message.name === 'string')
      warnings.add(ignoredFieldWarning('bedrock', 'messages[].name'));
    if (message.role === 'system' || message.role === 'developer') {
      if (turns.length > 0) warnings.add(MOVED_SYSTEM_WARNING);
      for (const block of convertBedrockContent(message.content, `${param}.content`, warnings)) {
        if (!('text' in block)) {
          throw ProviderError.unsupported(
            'bedrock takes only text in the system prompt.',
            `${param}.content`,
          );
        }
        system.push(block);
      }
      continue;
    }
    appendTurn(turns, convertTurn(message, param, warnings));
  }
  return { system, messages: turns };
}

function convertTurn(
  message: Exclude<ChatMessage, { role: 'system' | 'developer' }>,
  param: string,
  warnings: Set<string>,
): BedrockMessage {
  const content = `${param}.content`;
  switch (message.role) {
    case 'user':
      return { role: 'user', content: convertBedrockContent(message.content, content, warnings) };
    case 'assistant': {
      const blocks: BedrockMessage['content'] = convertBedrockContent(
        message.content,
        content,
        warnings,
      );
      for (const [index, call] of (message.tool_calls ?? []).entries()) {
        const callParam = `${param}.tool_calls[${index}].function.arguments`;
        blocks.push({
          toolUse: {
            toolUseId: call.id,
            name: call.function.name,
            input: parseArguments(call.function.arguments, callParam),
          },
        });
      }
      return { role: 'assistant', content: blocks };
    }
    case 'tool': {
      const result = convertBedrockContent(message.content, content, warnings);
      // Converse refuses a tool result without content; an empty answer is still an answer.
      const block: BedrockToolResultBlock = {
        toolResult: {
          toolUseId: message.tool_call_id,
          content: result.length > 0 ? result : [{ text: '' }],
        },
      };
      return { role: 'user', content: [block] };
    }
  }
}

function parseArguments(text: string, param: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  const value = parseJsonObject(text);
  if (value !== undefined) return value;
  throw ProviderError.invalidRequest(
    `The arguments of ${param.replace(/\.function\.arguments$/, '')} are not a JSON object, which bedrock requires for tool input.`,
    param,
  );
}

function appendTurn(turns: BedrockMessage[], turn: BedrockMessage): void {
  if (turn.content.length === 0) return;
  const last = turns.at(-1);
  if (last?.role === turn.role) last.content.push(...turn.content);
  else turns.push(turn);
}
