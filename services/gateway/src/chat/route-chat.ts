import type { ChatCompletionRequest } from '@switchyard/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { admitRequest } from '../admission/admit-request.js';
import { reserveChatBudget } from '../admission/reserve-chat-budget.js';
import { allowedCandidates } from '../auth/allowed-candidates.js';
import type { Principal } from '../auth/principal.js';
import type { GatewayDeps } from '../gateway-deps.js';
import { requestSignals } from '../relay/request-signals.js';
import { callOptionsOf } from '../routing/call-options-of.js';
import { callWithFallback, type RoutedCall } from '../routing/call-with-fallback.js';
import {
  contextLengthExceeded,
  type FittedRequest,
  fitMaxTokens,
  measurePrompt,
} from '../routing/fit-max-tokens.js';
import { type Candidate, planCandidates } from '../routing/plan-candidates.js';
import { routingHeaders } from '../routing/routing-headers.js';
import type { OutcomeTracker } from '../usage/track-outcome.js';

/**
 * Routes a chat request to the first candidate that answers: plans the candidates the key may
 * use (403 when none), drops those whose context window cannot hold the prompt (400
 * `context_length_exceeded` when none can), fits `max_tokens` per candidate, admits the request
 * through the rate limits (429) and the budgets (402, or a lower max_tokens), and sets the
 * routing and rate-limit headers (`ingressWarnings` join the adapter's in
 * `x-switchyard-warnings`). The outcome's end settles what admission granted.
 */
export async function routeChat(
  deps: GatewayDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  body: ChatCompletionRequest,
  principal: Principal,
  outcome: OutcomeTracker,
  ingressWarnings: readonly string[] = [],
): Promise<RoutedCall> {
  const planned = allowedCandidates(
    principal,
    planCandidates(deps.catalog, body, 'chat'),
    body.model,
  );
  const first = planned[0];
  if (first) request.metricLabels = { model: first.model.id, provider: '' };
  const prompt = measurePrompt(body);
  outcome.measured(prompt.estimate);
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
  if (first && candidates.length === 0) throw contextLengthExceeded(first.model, prompt);
  // Counted against credential TPM limits: the prompt (~4 bytes a token) and the completion
  // budget as fitted to the first candidate, never a caller's unbounded max_tokens.
  const firstFit = candidates[0] && fitted.get(candidates[0])?.request;
  const completionBudget = Math.min(
    firstFit?.max_completion_tokens ?? firstFit?.max_tokens ?? 0,
    candidates[0]?.model.contextLength ?? 0,
  );
  const estimatedTokens = Math.ceil(prompt.upperBound / 4) + completionBudget;
  const admission = await admitRequest(deps.limiter, deps.admissionMetrics, {
    principal,
    modelId: first?.model.id,
    tokens: estimatedTokens,
    leaseId: request.id,
  });
  reply.headers(admission.headers);
  const budget = await reserveChatBudget(deps, {
    principal,
    leaseId: request.id,
    candidates,
    fitted,
    prompt,
  }).catch((error: unknown) => {
    admission.end({ status: 402, usedTokens: 0 });
    throw error;
  });
  if (budget.clampedMaxTokens !== undefined) {
    reply.header('x-switchyard-budget-max-tokens', String(budget.clampedMaxTokens));
  }
  outcome.admitted({ estimatedTokens, admission, budget });
  const signals = requestSignals(reply, deps.requestTimeoutMs);
  try {
    const call = await callWithFallback({
      candidates,
      build: (candidate, target) =>
        candidate.route.provider.adapter.buildChatRequest(
          fitted.get(candidate)?.request ?? body,
          target,
        ),
      ...callOptionsOf(deps, request, signals),
      estimatedTokens,
      onAttempt: outcome.attempting,
    });
    outcome.served(call, first);
    const fit = fitted.get(call.candidate);
    reply.headers(routingHeaders(call, fit?.adjustedMaxTokens, ingressWarnings));
    return call;
  } catch (error: unknown) {
    outcome.fail(error, signals.clientClosed());
    throw error;
  }
}
