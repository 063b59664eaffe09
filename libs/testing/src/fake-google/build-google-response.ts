import type { FakeGoogleUsage } from './build-google-usage.js';
import type { FakeGoogleScenario } from './google-scenario.js';
import type { FakeGoogleReply } from './plan-google-reply.js';

/** Fields every response (and every stream event) of one answer repeats. */
export interface FakeGoogleMeta {
  readonly modelVersion: string;
  readonly responseId: string;
}

const SAFETY_RATINGS = [
  { category: 'HARM_CATEGORY_SEXUALLY_EXPLICIT', probability: 'NEGLIGIBLE' },
  { category: 'HARM_CATEGORY_HATE_SPEECH', probability: 'NEGLIGIBLE' },
  { category: 'HARM_CATEGORY_HARASSMENT', probability: 'NEGLIGIBLE' },
  { category: 'HARM_CATEGORY_DANGEROUS_CONTENT', probability: 'HIGH', blocked: true },
];

/**
 * The `GenerateContentResponse`: a candidate per reply (`content.parts` with the text or the
 * `functionCall`, role `model`, finishReason, index) and usageMetadata. Scenario `safety`: one
 * candidate with finishReason SAFETY, safety ratings and no content; `blocked`: no candidates,
 * `promptFeedback.blockReason: SAFETY`.
 */
export function buildGoogleResponse(
  meta: FakeGoogleMeta,
  replies: readonly FakeGoogleReply[],
  usage: FakeGoogleUsage,
  scenario: FakeGoogleScenario,
): Record<string, unknown> {
  if (scenario.kind === 'blocked') {
    return {
      promptFeedback: { blockReason: 'SAFETY', safetyRatings: SAFETY_RATINGS },
      usageMetadata: usage,
      ...meta,
    };
  }
  if (scenario.kind === 'safety') {
    return {
      candidates: [{ finishReason: 'SAFETY', index: 0, safetyRatings: SAFETY_RATINGS }],
      usageMetadata: usage,
      ...meta,
    };
  }
  return {
    candidates: replies.map((reply, index) => ({
      content: { parts: [replyPart(reply)], role: 'model' },
      finishReason: reply.kind === 'text' ? reply.finishReason : 'STOP',
      index,
    })),
    usageMetadata: usage,
    ...meta,
  };
}

/** The part that carries a reply (its whole text, or its function call). */
export function replyPart(reply: FakeGoogleReply): Record<string, unknown> {
  return reply.kind === 'text'
    ? { text: reply.text }
    : { functionCall: { name: reply.name, args: reply.args } };
}
