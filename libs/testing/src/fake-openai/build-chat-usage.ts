import { countFakeTokens } from '../fake-upstream/count-fake-tokens.js';
import { FAKE_REPORTED_COST, type OpenAiScenario } from './openai-scenario.js';
import type { FakeChatRequest } from './parse-chat-request.js';
import { countReplyTokens, type FakeChatReply } from './plan-chat-reply.js';

/** OpenAI's Chat Completions `usage` object. */
export interface FakeChatUsage {
  readonly prompt_tokens: number;
  readonly completion_tokens: number;
  readonly total_tokens: number;
  readonly prompt_tokens_details: { readonly cached_tokens: number; readonly audio_tokens: number };
  readonly completion_tokens_details: {
    readonly reasoning_tokens: number;
    readonly audio_tokens: number;
    readonly accepted_prediction_tokens: number;
    readonly rejected_prediction_tokens: number;
  };
  /** OpenRouter's charge in USD (scenario `reports-cost`). */
  readonly cost?: number;
}

/**
 * prompt_tokens = Σ over messages (3 + words of its text) + 3; completion_tokens = Σ over choices
 * of their reply tokens, plus reasoning tokens. Scenario `cached`: cached_tokens =
 * ⌊prompt_tokens / 2⌋ and reasoning_tokens = 2 (counted inside completion_tokens, as OpenAI does).
 */
export function buildChatUsage(
  request: FakeChatRequest,
  replies: readonly FakeChatReply[],
  scenario: OpenAiScenario,
): FakeChatUsage {
  const promptTokens = request.messages.reduce(
    (sum, message) => sum + 3 + countFakeTokens(message.text),
    3,
  );
  const cached = scenario.kind === 'cached';
  const reasoningTokens = cached ? 2 : 0;
  const completionTokens = replies.reduce(
    (sum, reply) => sum + countReplyTokens(reply),
    reasoningTokens,
  );
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    prompt_tokens_details: {
      cached_tokens: cached ? Math.floor(promptTokens / 2) : 0,
      audio_tokens: 0,
    },
    completion_tokens_details: {
      reasoning_tokens: reasoningTokens,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
    ...(scenario.kind === 'reports-cost' && { cost: FAKE_REPORTED_COST }),
  };
}
