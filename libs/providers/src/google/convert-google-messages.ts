import type { ChatMessage } from '@switchyard/contracts';
import { ignoredFieldWarning } from '../shared/ignored-field-warning.js';
import { convertGoogleToolCalls } from './convert-google-tool-calls.js';
import { convertGoogleToolResult } from './convert-google-tool-result.js';
import { convertGoogleUserParts } from './convert-google-user-parts.js';
import type { GoogleContent, GooglePart } from './google-content.js';

/** A conversation in Gemini's terms. */
export interface GoogleConversation {
  contents: GoogleContent[];
  systemInstruction: { parts: { text: string }[] } | undefined;
}

/**
 * OpenAI messages as Gemini `contents`: user → `user`, assistant → `model` (text and
 * `functionCall` parts), tool results → `functionResponse` parts in a `user` turn; consecutive
 * turns of one role are merged. System and developer messages, wherever they stand, become
 * `systemInstruction` text (their non-text parts and message `name`s are dropped with a warning).
 */
export function convertGoogleMessages(
  messages: readonly ChatMessage[],
  warn: (warning: string) => void,
): GoogleConversation {
  const systemParts: { text: string }[] = [];
  const turns: GoogleContent[] = [];
  const toolNames = new Map<string, string>();
  for (const [index, message] of messages.entries()) {
    const param = `messages[${index}]`;
    if ('name' in message && message.name !== undefined) {
      warn(ignoredFieldWarning('google', 'messages[].name'));
    }
    switch (message.role) {
      case 'system':
      case 'developer':
        systemParts.push(...systemText(message.content, warn));
        break;
      case 'user':
        turns.push({
          role: 'user',
          parts: convertGoogleUserParts(message.content, { param: `${param}.content`, warn }),
        });
        break;
      case 'assistant':
        for (const call of message.tool_calls ?? []) toolNames.set(call.id, call.function.name);
        turns.push({
          role: 'model',
          parts: [...assistantText(message.content), ...convertGoogleToolCalls(message, param)],
        });
        break;
      case 'tool':
        turns.push({ role: 'user', parts: [convertGoogleToolResult(message, toolNames, param)] });
        break;
    }
  }
  return {
    contents: mergeTurns(turns),
    systemInstruction: systemParts.length > 0 ? { parts: systemParts } : undefined,
  };
}

function systemText(
  content: ChatMessage['content'] | undefined,
  warn: (warning: string) => void,
): { text: string }[] {
  if (content === null || content === undefined || content === '') return [];
  if (typeof content === 'string') return [{ text: content }];
  const parts: { text: string }[] = [];
  for (const part of content) {
    if (part.type === 'text' && 'text' in part && typeof part.text === 'string') {
      parts.push({ text: part.text });
    } else {
      warn('non-text parts of system messages are not supported by google and were ignored');
    }
  }
  return parts;
}

function assistantText(content: ChatMessage['content'] | undefined): GooglePart[] {
  if (content === null || content === undefined || content === '') return [];
  if (typeof content === 'string') return [{ text: content }];
  const texts: GooglePart[] = [];
  for (const part of content) {
    if (part.type === 'text' && 'text' in part && typeof part.text === 'string') {
      texts.push({ text: part.text });
    }
  }
  return texts;
}

function mergeTurns(turns: readonly GoogleContent[]): GoogleContent[] {
  const merged: GoogleContent[] = [];
  for (const turn of turns) {
    if (turn.parts.length === 0) continue;
    const last = merged.at(-1);
    if (last?.role === turn.role) last.parts.push(...turn.parts);
    else merged.push({ role: turn.role, parts: [...turn.parts] });
  }
  return merged;
}
