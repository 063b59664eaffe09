import { splitWords } from '../fake-upstream/split-words.js';
import type { FakeGoogleMeta } from './build-google-response.js';
import { replyPart } from './build-google-response.js';
import type { FakeGoogleUsage } from './build-google-usage.js';
import type { FakeGoogleReply } from './plan-google-reply.js';

interface Step {
  readonly part: Record<string, unknown>;
  readonly finishReason: string | undefined;
}

/**
 * The events of a streamed answer, each a partial `GenerateContentResponse`: one per word of a
 * text candidate (whitespace kept; the last carries the finishReason), one carrying a whole
 * `functionCall` with finishReason STOP; candidates interleave round-robin. Every event has
 * usageMetadata, as Gemini sends it: prompt counts only, then the full usage on the last event.
 */
export function buildGoogleStreamEvents(
  meta: FakeGoogleMeta,
  replies: readonly FakeGoogleReply[],
  usage: FakeGoogleUsage,
): Record<string, unknown>[] {
  const stepsPerCandidate = replies.map(candidateSteps);
  const longest = Math.max(0, ...stepsPerCandidate.map((steps) => steps.length));
  const partialUsage = {
    promptTokenCount: usage.promptTokenCount,
    totalTokenCount: usage.promptTokenCount,
    promptTokensDetails: usage.promptTokensDetails,
  };
  const events: Record<string, unknown>[] = [];
  for (let position = 0; position < longest; position += 1) {
    for (const [index, steps] of stepsPerCandidate.entries()) {
      const step = steps[position];
      if (step === undefined) continue;
      const candidate: Record<string, unknown> = { content: { parts: [step.part], role: 'model' } };
      if (step.finishReason !== undefined) candidate.finishReason = step.finishReason;
      candidate.index = index;
      events.push({ candidates: [candidate], usageMetadata: partialUsage, ...meta });
    }
  }
  const last = events.at(-1);
  if (last !== undefined) last.usageMetadata = usage;
  return events;
}

function candidateSteps(reply: FakeGoogleReply): Step[] {
  if (reply.kind === 'function-call') return [{ part: replyPart(reply), finishReason: 'STOP' }];
  const words = splitWords(reply.text);
  if (words.length === 0) return [{ part: { text: '' }, finishReason: reply.finishReason }];
  return words.map((word, index) => ({
    part: { text: word },
    finishReason: index === words.length - 1 ? reply.finishReason : undefined,
  }));
}
