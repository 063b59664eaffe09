import type { ChatCompletionRequest, JsonObjectText } from '@switchyard/contracts';
import type { Fitted } from '../pipeline/endpoint.js';
import {
  contextLengthExceeded,
  type FittedRequest,
  fitMaxTokens,
  measurePrompt,
  type PromptSize,
} from '../routing/fit-max-tokens.js';
import type { Candidate } from '../routing/plan-candidates.js';

/** A fitted chat request, which also says what each candidate is sent (fitted and clamped). */
export interface FittedChat extends Fitted {
  requestFor(candidate: Candidate): ChatCompletionRequest;
}

/**
 * Fits a chat request to its candidates: drops those whose context window cannot hold the
 * prompt (400 `context_length_exceeded` when none can) and fits `max_tokens` per candidate.
 * Rate limits count the prompt (~4 bytes a token) and the completion budget as fitted to the
 * first candidate, never a caller's unbounded max_tokens; budgets reserve the counted prompt at
 * the prompt price plus the completion cap (its max_tokens, else the model's output limit or
 * what the context leaves) at the completion price. `prompt`: measured by the caller on the
 * request as it came (a Messages request), else on `body`. `source`: the text `body` was parsed
 * from (a chat request as the caller sent it), taken by the upstream request built first, whose
 * adapter may forward it instead of re-serialising (see `ProviderAdapter.buildChatRequest`).
 */
export function fitChatRequest(
  body: ChatCompletionRequest,
  planned: readonly Candidate[],
  options: { prompt?: PromptSize; source?: () => JsonObjectText | undefined } = {},
): FittedChat {
  const prompt = options.prompt ?? measurePrompt(body);
  const fitted = new Map<Candidate, FittedRequest>();
  for (const candidate of planned) {
    const fit = fitMaxTokens(
      body,
      candidate.model,
      prompt,
      candidate.route.provider.adapter.requiresMaxTokens,
    );
    if (fit) fitted.set(candidate, fit);
  }
  const candidates = planned.filter((candidate) => fitted.has(candidate));
  const planFirst = planned[0];
  if (planFirst && candidates.length === 0) throw contextLengthExceeded(planFirst.model, prompt);
  const first = candidates[0];
  const firstFit = first && fitted.get(first)?.request;
  const completionBudget = Math.min(
    firstFit?.max_completion_tokens ?? firstFit?.max_tokens ?? 0,
    first?.model.contextLength ?? 0,
  );
  return {
    candidates,
    estimatedTokens: Math.ceil(prompt.upperBound / 4) + completionBudget,
    estimatePromptTokens: prompt.estimate,
    reservation: (prices) => {
      const promptTokens = prompt.count();
      const request = first && fitted.get(first)?.request;
      const maxTokens = Math.max(
        0,
        request?.max_completion_tokens ??
          request?.max_tokens ??
          first?.model.maxOutputTokens ??
          (first?.model.contextLength ?? 0) - promptTokens,
      );
      return {
        fixedNanos: promptTokens * prices.promptNanos,
        perTokenNanos: prices.completionNanos,
        maxTokens,
      };
    },
    clamp: (limit) => {
      for (const [candidate, fit] of fitted) {
        fitted.set(candidate, { ...fit, request: clampMaxTokens(fit.request, limit) });
      }
    },
    build: (candidate, target) =>
      candidate.route.provider.adapter.buildChatRequest(
        fitted.get(candidate)?.request ?? body,
        target,
        options.source?.(),
      ),
    adjustedMaxTokens: (candidate) => fitted.get(candidate)?.adjustedMaxTokens,
    requestFor: (candidate) => fitted.get(candidate)?.request ?? body,
  };
}

/** The request with its completion limit lowered to `limit` (whichever field it uses). */
function clampMaxTokens(request: ChatCompletionRequest, limit: number): ChatCompletionRequest {
  if (request.max_completion_tokens != null) {
    const clamped = { ...request };
    clamped.max_completion_tokens = Math.min(request.max_completion_tokens, limit);
    return clamped;
  }
  // Not `{ ...request, max_tokens }`, which may add a key: see `fitMaxTokens`.
  const clamped: ChatCompletionRequest = { max_tokens: limit, ...request };
  clamped.max_tokens = Math.min(request.max_tokens ?? limit, limit);
  return clamped;
}
