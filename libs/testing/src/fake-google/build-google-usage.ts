import { countFakeTokens } from '../fake-upstream/count-fake-tokens.js';
import type { FakeGoogleRequest } from './parse-google-generate-request.js';
import { countGoogleReplyTokens, type FakeGoogleReply } from './plan-google-reply.js';

/** Gemini's `usageMetadata` as the fake reports it. */
export interface FakeGoogleUsage {
  readonly promptTokenCount: number;
  readonly candidatesTokenCount?: number;
  /** Tokens of the thought summary, when the request asked for thoughts. */
  readonly thoughtsTokenCount?: number;
  readonly totalTokenCount: number;
  readonly promptTokensDetails: readonly { modality: 'TEXT'; tokenCount: number }[];
}

/**
 * promptTokenCount = words of the systemInstruction text + Σ words of each turn's text parts
 * (function calls and responses count nothing); candidatesTokenCount = Σ over candidates of
 * their words (a function call: words of its args JSON + 1), left out when there is no
 * candidate text (`safety`, `blocked`); totalTokenCount = their sum. No thinking, no cache.
 */
export function buildGoogleUsage(
  request: FakeGoogleRequest,
  replies: readonly FakeGoogleReply[] | undefined,
): FakeGoogleUsage {
  const prompt = request.contents.reduce(
    (sum, turn) => sum + countFakeTokens(turn.text),
    countFakeTokens(request.systemText),
  );
  const details = [{ modality: 'TEXT' as const, tokenCount: prompt }];
  if (replies === undefined) {
    return { promptTokenCount: prompt, totalTokenCount: prompt, promptTokensDetails: details };
  }
  const candidates = replies.reduce((sum, reply) => sum + countGoogleReplyTokens(reply), 0);
  return {
    promptTokenCount: prompt,
    candidatesTokenCount: candidates,
    totalTokenCount: prompt + candidates,
    promptTokensDetails: details,
  };
}
