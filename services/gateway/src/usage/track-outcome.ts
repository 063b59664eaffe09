import { parseUsd, type RequestBodies, type TokenUsage, toNanoUsd } from '@switchyard/contracts';
import { ApiError, apiErrors, clientRequestIdOf } from '@switchyard/service-kit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Admission } from '../admission/admit-request.js';
import type { BudgetAdmission } from '../admission/reserve-budget.js';
import type { Principal } from '../auth/principal.js';
import { upstreamSecretsOf } from '../catalog/upstream-secrets-of.js';
import type { GatewayDeps } from '../gateway-deps.js';
import type { RoutedCall } from '../routing/call-with-fallback.js';
import type { Credential } from '../routing/credential-pool.js';
import type { Candidate } from '../routing/plan-candidates.js';
import type { Answer } from './answer.js';
import { asDelivered } from './as-delivered.js';
import { captureBodies } from './capture-bodies.js';
import { computeCost } from './compute-cost.js';
import { type Delivery, resolveUsage } from './resolve-usage.js';
import type { RequestOutcome } from './usage-recorder.js';
import { whenResponded } from './when-responded.js';

export interface OutcomeResult {
  status: number;
  errorCode: string | null;
  /** The message of the error the client got. */
  errorMessage: string | null;
  /** Usage as the provider reported it. */
  usage: TokenUsage | undefined;
  delivery: Delivery;
  /** What reached the client: its tokens are estimated when the provider reported none; logged. */
  answer?: Answer | undefined;
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
  /** The key logs bodies: the answer is kept for the request log. */
  readonly logsBodies: boolean;
  /** The model and mode the caller asked for, once the body has parsed. */
  describe(requestedModel: string, stream: boolean): void;
  /** How to estimate the prompt's tokens, should the provider report no usage. */
  measured(estimatePromptTokens: () => number): void;
  /** How the client receives a chat completion, for the request log (an Anthropic message). */
  presentAnswer(present: (completion: Record<string, unknown>) => unknown): void;
  /** Admission let the request through: its holds are settled by the outcome. */
  admitted(granted: AdmittedRequest): void;
  /** An upstream call is being made: a failed request is attributed to its last attempt. */
  attempting(candidate: Candidate, credential: Credential, attempts: number): void;
  /** The upstream call that is answering: its route prices the request. */
  served(call: RoutedCall, firstChoice: Candidate | undefined): void;
  /** The exact cost of usage: what the upstream reported charging, else the serving route's price. */
  cost(usage: TokenUsage): string | undefined;
  /**
   * The request's result, recorded once the client has it: a result reported before the
   * response went out is recorded as the client received it (a response that failed to send is
   * its error, unbilled).
   */
  finish(result: OutcomeResult): void;
  /** Records a request that failed before a response could be sent; a no-op once finished. */
  fail(error: unknown, clientClosed: boolean): void;
}

export function trackOutcome(
  deps: GatewayDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  fields: { principal: Principal; endpoint: RequestOutcome['endpoint'] },
): OutcomeTracker {
  let requestedModel = '';
  let stream = false;
  let granted: AdmittedRequest | undefined;
  const startedAt = deps.now();
  let call: RoutedCall | undefined;
  /** The upstream calls made so far: the first and the last. */
  let firstAttempt: Candidate | undefined;
  let lastAttempt: { candidate: Candidate; credential: Credential; attempts: number } | undefined;
  let fallbackUsed = false;
  let finished = false;
  let estimatePrompt: (() => number) | undefined;
  let present: ((completion: Record<string, unknown>) => unknown) | undefined;
  // Still running when the shutdown grace ran out, its client still there: whatever cuts it
  // next (the connections are closed soon after) is the server's doing, not the client's.
  let cutByServer = false;
  const stopWatching = deps.shutdownCutoff.onCut(() => {
    cutByServer = !reply.raw.destroyed && !reply.raw.writableFinished;
  });
  const cost = (usage: TokenUsage) =>
    usage.costUsd ?? (call ? computeCost(usage, call.candidate.route.pricing) : undefined);
  const tracker: OutcomeTracker = {
    startedAt,
    logsBodies: fields.principal.logBodies,
    describe(model, streamed) {
      requestedModel = model;
      stream = streamed;
    },
    measured(estimatePromptTokens) {
      estimatePrompt = estimatePromptTokens;
    },
    presentAnswer(presentAs) {
      present = presentAs;
    },
    admitted(admitted) {
      granted = admitted;
    },
    attempting(candidate, credential, attempts) {
      firstAttempt ??= candidate;
      lastAttempt = { candidate, credential, attempts };
      fallbackUsed = candidate.route !== firstAttempt.route;
      request.metricLabels = {
        model: candidate.model.id,
        provider: candidate.route.provider.name,
      };
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
      const errorMessage = !clientClosed && error instanceof ApiError ? error.message : null;
      tracker.finish({ status, errorCode, errorMessage, usage: undefined, delivery: 'none' });
    },
    finish(result) {
      if (finished) return;
      finished = true;
      // A stream's headers are out: its result already says what the client got. Otherwise the
      // response has yet to be sent, and sending it may still fail.
      if (reply.raw.headersSent) record(result);
      else whenResponded(reply.raw, (responded) => record(asDelivered(result, responded)));
    },
  };
  const record = (reported: OutcomeResult) => {
    stopWatching();
    const result = cutByServer && reported.status === 499 ? shutDown(reported) : reported;
    // A failed request is attributed to its last upstream attempt (provider, model, credential).
    const attempted = call ?? lastAttempt;
    const route = attempted?.candidate.route;
    const { usage, source } = resolveUsage(result.delivery, result.usage, {
      prompt: estimatePrompt,
      answer: result.answer,
    });
    const usedTokens = usage && usage.promptTokens + usage.completionTokens;
    if (call && route && granted) {
      route.provider.pool.settle(call.credential.id, granted.estimatedTokens, usedTokens ?? 0);
    }
    granted?.admission.end({ status: result.status, usedTokens });
    const costUsd = usage === undefined ? undefined : cost(usage);
    // Settled to the recorded cost, estimated ones included (a cut stream: what the client got).
    // Nothing recorded, as when no answer reached the client: a failure cost nothing, and a
    // request cut off (the client left, or the shutdown ended it) keeps its whole hold (the
    // upstream may still bill what it generated).
    const cutOff = result.status === 499 || result.errorCode === SHUTTING_DOWN;
    granted?.budget.settle(
      costUsd !== undefined
        ? Number(toNanoUsd(parseUsd(costUsd)))
        : result.status >= 400 && !cutOff
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
      ...(usage && {
        'gen_ai.usage.input_tokens': usage.promptTokens,
        'gen_ai.usage.output_tokens': usage.completionTokens,
      }),
      ...(result.errorCode !== null && { 'error.type': result.errorCode }),
    });
    deps.usage.record({
      requestId: request.id,
      clientRequestId: clientRequestIdOf(request.headers),
      principal: fields.principal,
      endpoint: fields.endpoint,
      requestedModel,
      model: attempted?.candidate.model.id ?? requestedModel,
      provider: route?.provider.name ?? '',
      upstreamModel: route?.upstreamModel ?? '',
      credentialId: attempted?.credential.id,
      stream,
      status: result.status,
      errorCode: result.errorCode,
      errorMessage: result.errorMessage,
      usage,
      usageSource: source,
      cost: costUsd,
      costSource: costUsd === undefined ? undefined : usage?.costUsd ? 'provider' : 'catalog',
      priceVersion: route?.priceVersion,
      startedAt,
      latencyMs: deps.now() - startedAt,
      timeToFirstTokenMs: result.timeToFirstTokenMs,
      attempts: attempted?.attempts ?? 0,
      fallbackUsed,
      bodies: fields.principal.logBodies
        ? logBodies(request, {
            answer: result.answer,
            present,
            maxBytes: deps.requestLogMaxBytes,
            // Every upstream key, not only the one used: a refused request used none.
            secrets: [attempted?.credential.key, ...upstreamSecretsOf(deps.catalog)],
          })
        : undefined,
      traceContext: request.traceContext,
    });
  };
  return tracker;
}

const SHUTTING_DOWN = apiErrors.shuttingDown().code;

/** A request the shutdown ended, recorded as the server's failure (usage as delivered stays). */
function shutDown(result: OutcomeResult): OutcomeResult {
  const error = apiErrors.shuttingDown();
  return { ...result, status: error.status, errorCode: error.code, errorMessage: error.message };
}

/** The request log's bodies; a failure to capture them loses the bodies, never the usage. */
function logBodies(
  request: FastifyRequest,
  options: Omit<Parameters<typeof captureBodies>[0], 'request'>,
): RequestBodies | undefined {
  try {
    return captureBodies({ ...options, request: request.body });
  } catch (error: unknown) {
    request.log.warn({ err: error }, 'request log bodies could not be captured');
    return undefined;
  }
}
