import { parseUsd, type TokenUsage, toNanoUsd } from '@switchyard/contracts';
import { ApiError } from '@switchyard/service-kit';
import type { FastifyRequest } from 'fastify';
import type { Admission } from '../admission/admit-request.js';
import type { BudgetAdmission } from '../admission/reserve-budget.js';
import type { Principal } from '../auth/principal.js';
import type { GatewayDeps } from '../gateway-deps.js';
import type { RoutedCall } from '../routing/call-with-fallback.js';
import type { Candidate } from '../routing/plan-candidates.js';
import { computeCost } from './compute-cost.js';
import type { RequestOutcome, UsageSource } from './usage-recorder.js';

export interface OutcomeResult {
  status: number;
  errorCode: string | null;
  usage: TokenUsage | undefined;
  usageSource: UsageSource;
  timeToFirstTokenMs?: number | undefined;
}

/** What admission granted a request; settled by the outcome. */
export interface AdmittedRequest {
  /** Tokens counted against credential TPM limits when the request was sent. */
  estimatedTokens: number;
  /** Settled when the outcome is known: tokens reconciled, concurrency slot freed. */
  admission: Admission;
  /** Settled to the request's actual cost when it ends. */
  budget: BudgetAdmission;
}

/**
 * Collects one request's outcome and hands it to the usage recorder exactly once: created as
 * soon as the caller is authenticated, so refusals (400, 403, 404, 402, 429) are recorded too.
 */
export interface OutcomeTracker {
  readonly startedAt: number;
  /** The model and mode the caller asked for, once the body has parsed. */
  describe(requestedModel: string, stream: boolean): void;
  /** Admission let the request through: its holds are settled by the outcome. */
  admitted(granted: AdmittedRequest): void;
  /** The upstream call that is answering: its route prices the request. */
  served(call: RoutedCall, firstChoice: Candidate | undefined): void;
  /** The exact cost of usage at the serving route's price. */
  cost(usage: TokenUsage): string | undefined;
  finish(result: OutcomeResult): void;
  /** Records a request that failed before a response could be sent; a no-op once finished. */
  fail(error: unknown, clientClosed: boolean): void;
}

export function trackOutcome(
  deps: GatewayDeps,
  request: FastifyRequest,
  fields: { principal: Principal; endpoint: RequestOutcome['endpoint'] },
): OutcomeTracker {
  let requestedModel = '';
  let stream = false;
  let granted: AdmittedRequest | undefined;
  const startedAt = deps.now();
  let call: RoutedCall | undefined;
  let fallbackUsed = false;
  let finished = false;
  const cost = (usage: TokenUsage) =>
    call ? computeCost(usage, call.candidate.route.pricing) : undefined;
  const tracker: OutcomeTracker = {
    startedAt,
    describe(model, streamed) {
      requestedModel = model;
      stream = streamed;
    },
    admitted(admitted) {
      granted = admitted;
    },
    served(routed, firstChoice) {
      call = routed;
      fallbackUsed = firstChoice !== undefined && firstChoice.route !== routed.candidate.route;
      if (fallbackUsed) deps.routingMetrics.fallback(routed.candidate.model.id);
      request.metricLabels = {
        model: routed.candidate.model.id,
        provider: routed.candidate.route.provider.name,
      };
    },
    cost,
    fail(error, clientClosed) {
      // A client that left is 499 whatever error its absence caused upstream.
      const status = clientClosed ? 499 : error instanceof ApiError ? error.status : 500;
      const errorCode = clientClosed
        ? 'client_closed'
        : error instanceof ApiError
          ? error.code
          : null;
      tracker.finish({ status, errorCode, usage: undefined, usageSource: 'none' });
    },
    finish(result) {
      if (finished) return;
      finished = true;
      const route = call?.candidate.route;
      const usedTokens = result.usage && result.usage.promptTokens + result.usage.completionTokens;
      if (call && route && granted) {
        route.provider.pool.settle(call.credential.id, granted.estimatedTokens, usedTokens ?? 0);
      }
      granted?.admission.end({ status: result.status, usedTokens });
      const costUsd = result.usage === undefined ? undefined : cost(result.usage);
      // Without usage: a failure cost nothing; a client that left mid-stream keeps its whole hold.
      granted?.budget.settle(
        costUsd !== undefined
          ? toNanoUsd(parseUsd(costUsd))
          : result.status >= 400 && result.status !== 499
            ? 0
            : undefined,
      );
      request.span.setAttributes({
        'gen_ai.operation.name': fields.endpoint === 'embeddings' ? 'embeddings' : 'chat',
        'gen_ai.request.model': requestedModel,
        ...(route && {
          'gen_ai.provider.name': route.provider.name,
          'gen_ai.response.model': route.upstreamModel,
        }),
        ...(result.usage && {
          'gen_ai.usage.input_tokens': result.usage.promptTokens,
          'gen_ai.usage.output_tokens': result.usage.completionTokens,
        }),
        ...(result.errorCode !== null && { 'error.type': result.errorCode }),
      });
      deps.usage.record({
        requestId: request.id,
        principal: fields.principal,
        endpoint: fields.endpoint,
        requestedModel,
        model: call?.candidate.model.id ?? requestedModel,
        provider: route?.provider.name ?? '',
        upstreamModel: route?.upstreamModel ?? '',
        credentialId: call?.credential.id,
        stream,
        status: result.status,
        errorCode: result.errorCode,
        usage: result.usage,
        usageSource: result.usageSource,
        cost: costUsd,
        priceVersion: route?.priceVersion,
        startedAt,
        latencyMs: deps.now() - startedAt,
        timeToFirstTokenMs: result.timeToFirstTokenMs,
        attempts: call?.attempts ?? 0,
        fallbackUsed,
        traceContext: request.traceContext,
      });
    },
  };
  return tracker;
}
