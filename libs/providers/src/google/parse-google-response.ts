import type { ParsedResponse, ResponseContext } from '../provider-adapter.js';
import { ProviderError } from '../provider-error.js';
import { convertGoogleUsage } from './convert-google-usage.js';
import { formatOpenAiToolCall } from './format-openai-tool-call.js';
import { formatOpenAiUsage } from './format-openai-usage.js';
import { googleResponseId } from './google-response-id.js';
import { type GoogleCandidate, googleResponseSchema } from './google-response-schema.js';
import { mapGoogleFinishReason } from './map-google-finish-reason.js';
import { readGoogleParts } from './read-google-parts.js';

/**
 * A `GenerateContentResponse` as an OpenAI `chat.completion`: one choice per candidate (thought
 * summaries as `message.reasoning`, as OpenRouter returns them; function calls as tool_calls), finish reasons mapped, usage from
 * `usageMetadata`. A prompt Gemini blocked (`promptFeedback.blockReason`, no candidates) is one
 * choice with null content and finish_reason `content_filter`.
 */
export function parseGoogleResponse(body: unknown, context: ResponseContext): ParsedResponse {
  const result = googleResponseSchema.safeParse(body);
  if (!result.success) throw ProviderError.malformed('generateContent response');
  const response = result.data;
  const candidates = response.candidates ?? [];
  const choices =
    candidates.length > 0
      ? candidates.map(convertCandidate)
      : [blockedChoice(response.promptFeedback?.blockReason != null)];
  const usage = response.usageMetadata ? convertGoogleUsage(response.usageMetadata) : undefined;
  const completion: Record<string, unknown> = {
    id: googleResponseId(response.responseId, JSON.stringify(body)),
    object: 'chat.completion',
    created: context.createdAtSeconds,
    model: response.modelVersion || context.upstreamModel,
    choices,
  };
  if (usage !== undefined) completion.usage = formatOpenAiUsage(usage);
  return { body: completion, usage };
}

function convertCandidate(candidate: GoogleCandidate, position: number): Record<string, unknown> {
  const { text, reasoning, functionCalls } = readGoogleParts(candidate.content?.parts);
  const message: Record<string, unknown> = { role: 'assistant', content: text };
  if (reasoning !== null) message.reasoning = reasoning;
  if (functionCalls.length > 0) message.tool_calls = functionCalls.map(formatOpenAiToolCall);
  return {
    index: candidate.index ?? position,
    message,
    logprobs: null,
    finish_reason: mapGoogleFinishReason(
      candidate.finishReason ?? 'STOP',
      functionCalls.length > 0,
    ),
  };
}

function blockedChoice(blocked: boolean): Record<string, unknown> {
  return {
    index: 0,
    message: { role: 'assistant', content: null },
    logprobs: null,
    finish_reason: blocked ? 'content_filter' : 'stop',
  };
}
