import type { ChatCompletionRequest } from '@switchyard/contracts';
import type { Principal } from '../auth/principal.js';
import type { GatewayDeps } from '../gateway-deps.js';
import type { FittedRequest, PromptSize } from '../routing/fit-max-tokens.js';
import type { Candidate } from '../routing/plan-candidates.js';
import { priceBoundsOf } from './price-bounds-of.js';
import { type BudgetAdmission, NO_BUDGET, reserveBudget } from './reserve-budget.js';

/**
 * Reserves a chat request's maximum cost against the principal's budgets: the counted prompt at
 * the dearest prompt price, plus its completion cap (its max_tokens, else the model's output
 * limit or what the context leaves) at the dearest completion price. When the budgets afford
 * fewer tokens, every candidate's request is clamped to them.
 */
export async function reserveChatBudget(
  deps: GatewayDeps,
  request: {
    principal: Principal;
    leaseId: string;
    candidates: readonly Candidate[];
    fitted: Map<Candidate, FittedRequest>;
    prompt: PromptSize;
  },
): Promise<BudgetAdmission> {
  const first = request.candidates[0];
  if (request.principal.budgets.length === 0 || first === undefined) return NO_BUDGET;
  const promptTokens = request.prompt.count();
  const firstRequest = request.fitted.get(first)?.request;
  const maxTokens = Math.max(
    0,
    firstRequest?.max_completion_tokens ??
      firstRequest?.max_tokens ??
      first.model.maxOutputTokens ??
      first.model.contextLength - promptTokens,
  );
  const prices = priceBoundsOf(request.candidates);
  const budget = await reserveBudget(deps.budgets, {
    principal: request.principal,
    leaseId: request.leaseId,
    now: deps.now(),
    fixedNanos: promptTokens * prices.promptNanos,
    perTokenNanos: prices.completionNanos,
    maxTokens,
  });
  const clamp = budget.clampedMaxTokens;
  if (clamp !== undefined) {
    for (const [candidate, fit] of request.fitted) {
      request.fitted.set(candidate, { ...fit, request: clampMaxTokens(fit.request, clamp) });
    }
  }
  return budget;
}

/** The request with its completion limit lowered to `limit` (whichever field it uses). */
function clampMaxTokens(request: ChatCompletionRequest, limit: number): ChatCompletionRequest {
  if (request.max_completion_tokens != null) {
    return { ...request, max_completion_tokens: Math.min(request.max_completion_tokens, limit) };
  }
  return { ...request, max_tokens: Math.min(request.max_tokens ?? limit, limit) };
}
