import type { RateLimiter } from '@switchyard/limits';
import type { FastifyReply } from 'fastify';
import type { AdmissionMetrics } from '../admission/admission-metrics.js';
import { admitRequest } from '../admission/admit-request.js';
import type { BudgetChecks } from '../admission/create-budget-checks.js';
import { priceBoundsOf } from '../admission/price-bounds-of.js';
import { type BudgetAdmission, NO_BUDGET, reserveBudget } from '../admission/reserve-budget.js';
import type { Principal } from '../auth/principal.js';
import type { Fitted } from './endpoint.js';
import type { Holds } from './release-holds.js';

/** The rate limits and budgets requests are admitted through. */
export interface AdmissionChecks {
  limiter: RateLimiter;
  budgets: BudgetChecks;
  metrics: AdmissionMetrics;
}

/**
 * Admits a fitted request through the principal's rate limits (429) and then its budgets (402,
 * or every candidate clamped to the completion tokens they afford), setting the rate-limit and
 * `x-switchyard-budget-max-tokens` headers. A budget refusal hands the rate-limit lease back.
 */
export async function admitFitted(
  checks: AdmissionChecks,
  request: {
    principal: Principal;
    leaseId: string;
    modelId: string | undefined;
    fitted: Fitted;
    now: () => number;
  },
  reply: FastifyReply,
): Promise<Holds> {
  const { principal, leaseId, fitted } = request;
  const { estimatedTokens } = fitted;
  const admission = await admitRequest(checks.limiter, checks.metrics, {
    principal,
    modelId: request.modelId,
    tokens: estimatedTokens,
    leaseId,
  });
  reply.headers(admission.headers);
  const budget = await reserve(checks.budgets, request).catch((error: unknown) => {
    admission.end({ status: 402, usedTokens: 0 });
    throw error;
  });
  const clamped = budget.clampedMaxTokens;
  if (clamped !== undefined) {
    fitted.clamp(clamped);
    reply.header('x-switchyard-budget-max-tokens', String(clamped));
  }
  return { estimatedTokens, admission, budget };
}

/** Reserves the most the request can cost at the dearest prices of its candidates. */
async function reserve(
  budgets: BudgetChecks,
  request: { principal: Principal; leaseId: string; fitted: Fitted; now: () => number },
): Promise<BudgetAdmission> {
  const { principal, fitted } = request;
  // Without budgets nothing is reserved, and a chat prompt is never tokenized for it.
  if (principal.budgets.length === 0 || fitted.candidates.length === 0) return NO_BUDGET;
  return reserveBudget(budgets, {
    principal,
    leaseId: request.leaseId,
    now: request.now(),
    ...fitted.reservation(priceBoundsOf(fitted.candidates)),
  });
}
