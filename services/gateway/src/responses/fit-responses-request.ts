import type { ChatCompletionRequest } from '@switchyard/contracts';
import { fitChatRequest } from '../chat/fit-chat-request.js';
import type { Fitted } from '../pipeline/endpoint.js';
import type { Candidate } from '../routing/plan-candidates.js';
import { nativeResponsesBody } from './native-responses-body.js';
import type { ParsedResponses } from './parsed-responses.js';
import { previousResponseNotFound } from './previous-response-not-found.js';

/** Whether the candidate's provider serves the Responses API itself. */
export function isNative(candidate: Candidate): boolean {
  return candidate.route.provider.adapter.responses !== undefined;
}

/**
 * Fits a Responses request as its chat translation is fitted (context windows, completion caps,
 * admission's estimates). Native candidates are sent the caller's body, translated ones the
 * chat request with the translation's warnings. A `previous_response_id` an upstream stored
 * keeps only the native candidates of that provider, a request left with nothing to send once
 * translated only native candidates (400 `previous_response_not_found`, or naming what could
 * not be carried, when none is left).
 */
export function fitResponsesRequest(
  request: ParsedResponses,
  planned: readonly Candidate[],
): Fitted {
  const previous = request.upstreamPrevious;
  const translatable = previous === undefined && request.untranslatable === undefined;
  const able = translatable
    ? planned
    : planned.filter(
        (candidate) =>
          isNative(candidate) &&
          (previous === undefined || candidate.route.provider.name === previous.provider),
      );
  if (planned.length > 0 && able.length === 0) {
    throw previous !== undefined ? previousResponseNotFound(previous.id) : request.untranslatable;
  }
  const fitted = fitChatRequest(request.chat, able);
  return {
    ...fitted,
    candidates: fitted.candidates,
    build: (candidate, target) => {
      const native = candidate.route.provider.adapter.responses;
      if (native !== undefined) {
        const body = nativeResponsesBody(
          request,
          loweredCap(request, fitted.requestFor(candidate)),
        );
        return native.buildRequest(body, target, request.takeSource());
      }
      const built = fitted.build(candidate, target);
      return { ...built, warnings: [...request.translationWarnings, ...built.warnings] };
    },
    reservation: (prices) => fitted.reservation(prices),
    clamp: (limit) => fitted.clamp(limit),
    adjustedMaxTokens: (candidate) => fitted.adjustedMaxTokens(candidate),
  };
}

/**
 * The completion cap Switchyard set for a native route, if it set one: its translation's
 * `max_tokens` as fitted to the context and clamped to what the budgets afford, where that is
 * not the caller's own `max_output_tokens`.
 */
function loweredCap(request: ParsedResponses, fitted: ChatCompletionRequest): number | undefined {
  const cap = fitted.max_completion_tokens ?? fitted.max_tokens ?? undefined;
  return cap === (request.body.max_output_tokens ?? undefined) ? undefined : cap;
}
