import { countFakeTokens } from '../fake-upstream/count-fake-tokens.js';
import { randomId } from '../fake-upstream/random-id.js';
import { splitWords } from '../fake-upstream/split-words.js';
import type { FakeChatRequest } from './parse-chat-request.js';

/** One function call the fake makes. */
export interface FakeToolCall {
  readonly id: string;
  readonly name: string;
  readonly arguments: string;
}

/** What one choice of the fake's answer says. */
export type FakeChatReply =
  | { readonly kind: 'text'; readonly content: string; readonly finishReason: 'stop' | 'length' }
  | { readonly kind: 'tool-calls'; readonly toolCalls: readonly FakeToolCall[] };

/**
 * Decides the `n` choices. Text: `Echo: <last user message text>`, cut to `max_completion_tokens`
 * (or `max_tokens`) words with finish_reason `length`. With tools and tool_choice not `none`: one
 * call to the named (or first) tool, or to the first two when parallel calls are allowed and
 * tool_choice is auto/required; arguments are `{"input":"<last user text>"}`.
 */
export function planChatReply(request: FakeChatRequest): FakeChatReply[] {
  const userText = lastUserText(request);
  const toolNames = chooseTools(request);
  return Array.from({ length: request.n }, (): FakeChatReply => {
    if (toolNames.length > 0) {
      const args = JSON.stringify({ input: userText });
      const toolCalls = toolNames.map((name) => ({ id: randomId('call_'), name, arguments: args }));
      return { kind: 'tool-calls', toolCalls };
    }
    return truncate(`Echo: ${userText}`, request.maxTokens);
  });
}

/** Completion tokens of one choice: its words, or per call the argument words plus one. */
export function countReplyTokens(reply: FakeChatReply): number {
  if (reply.kind === 'text') return countFakeTokens(reply.content);
  return reply.toolCalls.reduce((sum, call) => sum + countFakeTokens(call.arguments) + 1, 0);
}

function lastUserText(request: FakeChatRequest): string {
  return request.messages.findLast((message) => message.role === 'user')?.text ?? '';
}

function chooseTools(request: FakeChatRequest): string[] {
  const { toolChoice, toolNames } = request;
  if (toolNames.length === 0 || toolChoice.kind === 'none') return [];
  if (toolChoice.kind === 'named') return [toolChoice.name];
  return toolNames.slice(0, request.parallelToolCalls ? 2 : 1);
}

function truncate(content: string, maxTokens: number | undefined): FakeChatReply {
  const words = splitWords(content);
  if (maxTokens === undefined || maxTokens >= countFakeTokens(content)) {
    return { kind: 'text', content, finishReason: 'stop' };
  }
  return {
    kind: 'text',
    content: words.slice(0, maxTokens).join('').trimEnd(),
    finishReason: 'length',
  };
}
