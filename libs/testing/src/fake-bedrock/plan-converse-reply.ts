import { countReplyTokens, planChatReply } from '../fake-openai/plan-chat-reply.js';
import { isRecord } from '../fake-upstream/is-record.js';
import { randomId } from '../fake-upstream/random-id.js';
import type { FakeConverseRequest } from './parse-converse-request.js';

/** A content block of the fake's answer, in Converse's shape. */
export type ConverseReplyBlock =
  | { readonly text: string }
  | {
      readonly toolUse: {
        readonly toolUseId: string;
        readonly name: string;
        readonly input: Record<string, unknown>;
      };
    };

/** What the fake answers, before usage and framing. */
export interface ConverseReply {
  readonly content: readonly ConverseReplyBlock[];
  readonly stopReason: 'end_turn' | 'max_tokens' | 'tool_use';
  readonly outputTokens: number;
}

/**
 * The fake OpenAI's answer in Converse's blocks, so every fake behaves alike: `Echo: <text of
 * the last user turn that has text>` cut to `maxTokens` words; with tools, a `toolUse` of the
 * named (or first) tool with input `{"input":"<that text>"}` (Converse has no parallel switch:
 * one call).
 */
export function planConverseReply(request: FakeConverseRequest, model: string): ConverseReply {
  const userTurns = request.messages.filter((turn) => turn.role === 'user' && turn.hasText);
  const [reply] = planChatReply({
    model,
    messages: userTurns.map((turn) => ({ role: 'user', text: turn.userText })),
    stream: false,
    includeUsage: false,
    maxTokens: request.maxTokens,
    n: 1,
    toolNames: request.toolNames,
    toolChoice: request.toolChoice,
    parallelToolCalls: false,
  });
  if (reply === undefined) throw new Error('planChatReply planned no choice');
  const outputTokens = countReplyTokens(reply);
  if (reply.kind === 'tool-calls') {
    const content = reply.toolCalls.map((call) => ({
      toolUse: {
        toolUseId: randomId('tooluse_'),
        name: call.name,
        input: parseInput(call.arguments),
      },
    }));
    return { content, stopReason: 'tool_use', outputTokens };
  }
  const content = reply.content === '' ? [] : [{ text: reply.content }];
  return {
    content,
    stopReason: reply.finishReason === 'length' ? 'max_tokens' : 'end_turn',
    outputTokens,
  };
}

function parseInput(json: string): Record<string, unknown> {
  const input: unknown = JSON.parse(json);
  if (!isRecord(input)) throw new Error('the fake planned tool input that is not an object');
  return input;
}
