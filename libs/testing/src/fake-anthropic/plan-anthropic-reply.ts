import { createHash } from 'node:crypto';
import { countReplyTokens, planChatReply } from '../fake-openai/plan-chat-reply.js';
import { countFakeTokens } from '../fake-upstream/count-fake-tokens.js';
import { isRecord } from '../fake-upstream/is-record.js';
import { randomId } from '../fake-upstream/random-id.js';
import type { FakeMessagesRequest } from './parse-messages-request.js';

/** A content block of the fake's answer. */
export type AnthropicReplyBlock =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'thinking'; readonly thinking: string; readonly signature: string }
  | {
      readonly type: 'tool_use';
      readonly id: string;
      readonly name: string;
      readonly input: Record<string, unknown>;
    };

/** What the fake answers, before usage and framing. */
export interface AnthropicReply {
  readonly content: readonly AnthropicReplyBlock[];
  readonly stopReason: 'end_turn' | 'max_tokens' | 'tool_use';
  /** Words of the text, or per tool call the words of its input JSON plus one. */
  readonly outputTokens: number;
}

/**
 * The fake OpenAI's answer in Anthropic's blocks, so both fakes behave alike: text
 * `Echo: <text of the last user turn that has text>` cut to `max_tokens` words (stop reason
 * `max_tokens`); with tools and tool_choice not `none`, `tool_use` of the named (or first) tool,
 * or of the first two when parallel use is allowed, with input `{"input":"<that text>"}`. With
 * thinking enabled a `thinking` block comes first: `Thinking about: <that text>`, signed with a
 * base64 signature derived from it (its words count as output).
 */
export function planAnthropicReply(request: FakeMessagesRequest): AnthropicReply {
  const planned = planAnswer(request);
  if (!request.thinking) return planned;
  const userText = request.messages.findLast(
    (turn) => turn.role === 'user' && turn.hasText,
  )?.userText;
  const thinking = `Thinking about: ${userText ?? ''}`;
  const signature = createHash('sha256').update(thinking).digest('base64');
  return {
    ...planned,
    content: [{ type: 'thinking', thinking, signature }, ...planned.content],
    outputTokens: planned.outputTokens + countFakeTokens(thinking),
  };
}

function planAnswer(request: FakeMessagesRequest): AnthropicReply {
  const userTurns = request.messages.filter((turn) => turn.role === 'user' && turn.hasText);
  const [reply] = planChatReply({
    model: request.model,
    messages: userTurns.map((turn) => ({ role: 'user', text: turn.userText })),
    stream: request.stream,
    includeUsage: false,
    maxTokens: request.maxTokens,
    n: 1,
    toolNames: request.toolNames,
    toolChoice: request.toolChoice,
    parallelToolCalls: request.parallelToolCalls,
  });
  if (reply === undefined) throw new Error('planChatReply planned no choice');
  const outputTokens = countReplyTokens(reply);
  if (reply.kind === 'tool-calls') {
    const content = reply.toolCalls.map((call) => ({
      type: 'tool_use' as const,
      id: randomId('toolu_01'),
      name: call.name,
      input: parseInput(call.arguments),
    }));
    return { content, stopReason: 'tool_use', outputTokens };
  }
  const content = reply.content === '' ? [] : [{ type: 'text' as const, text: reply.content }];
  const stopReason = reply.finishReason === 'length' ? 'max_tokens' : 'end_turn';
  return { content, stopReason, outputTokens };
}

function parseInput(json: string): Record<string, unknown> {
  const input: unknown = JSON.parse(json);
  if (!isRecord(input)) throw new Error('the fake planned tool input that is not an object');
  return input;
}
