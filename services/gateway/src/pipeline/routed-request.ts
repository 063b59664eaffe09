import type { RequestBodies, TokenUsage } from '@switchyard/contracts';
import { ApiError, apiErrors, clientRequestIdOf } from '@switchyard/service-kit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal.js';
import type { Credential } from '../catalog/credential-pool.js';
import type { ModelCatalog } from '../catalog/model-catalog.js';
import { upstreamSecretsOf } from '../catalog/upstream-secrets-of.js';
import type { ShutdownCutoff } from '../relay/create-shutdown-cutoff.js';
import type { RoutedCall } from '../routing/call-with-fallback.js';
import type { Candidate } from '../routing/plan-candidates.js';
import type { RoutingMetrics } from '../routing/routing-metrics.js';
import type { RequestSignals } from '../upstream/request-signals.js';
import { asDelivered } from '../usage/as-delivered.js';
import type { Attribution } from '../usage/attribution-of.js';
import { captureBodies } from '../usage/capture-bodies.js';
import { computeCost } from '../usage/compute-cost.js';
import { resolveUsage } from '../usage/resolve-usage.js';
import type { RequestOutcome, UsageRecorder } from '../usage/usage-recorder.js';
import { whenResponded } from '../usage/when-responded.js';
import type { Admitted, OutcomeResult } from './admitted.js';
import type { Fitted, ParsedRequest } from './endpoint.js';
import { genAiAttributes } from './gen-ai-attributes.js';
import { type Holds, releaseHolds } from './release-holds.js';

/** What settling a request needs of the gateway, built once. */
export interface SettleDeps {
  catalog: ModelCatalog;
  usage: UsageRecorder;
  routingMetrics: RoutingMetrics;
  shutdownCutoff: ShutdownCutoff;
  /** Longest body the request log keeps, per request and per response (UTF-8 bytes). */
  requestLogMaxBytes: number;
  now: () => number;
}

/**
 * One request from authentication to its outcome, which it hands to the usage recorder exactly
 * once, refusals (400, 403, 404, 402, 429) included. The pipeline fills it in stage by stage;
 * once admitted, it is the endpoint's `Admitted`.
 */
export class RoutedRequest implements Admitted {
  readonly startedAt: number;
  readonly logsBodies: boolean;
  parsed: ParsedRequest | undefined;
  /** The end user and tags the cost is attributed to, once read (a refused request has none). */
  attribution: Attribution | undefined;
  fitted: Fitted | undefined;
  signals: RequestSignals | undefined;
  private holds: Holds | undefined;
  private call: RoutedCall | undefined;
  /** The upstream calls made so far: the first and the last. */
  private firstAttempt: Candidate | undefined;
  private lastAttempt:
    | { candidate: Candidate; credential: Credential; attempts: number }
    | undefined;
  private fallbackUsed = false;
  private finished = false;
  /**
   * Still running when the shutdown grace ran out, its client still there: whatever cuts it next
   * (the connections are closed soon after) is the server's doing, not the client's.
   */
  private cutByServer = false;
  private stopWatching: (() => void) | undefined;

  constructor(
    private readonly deps: SettleDeps,
    readonly request: FastifyRequest,
    readonly reply: FastifyReply,
    readonly principal: Principal,
    readonly endpoint: RequestOutcome['endpoint'],
  ) {
    this.startedAt = deps.now();
    this.logsBodies = principal.logBodies;
  }

  /** Admission let the request through: its holds are released when it ends. */
  admitted(holds: Holds): void {
    this.holds = holds;
    this.stopWatching = this.deps.shutdownCutoff.onCut(() => {
      this.cutByServer = !this.reply.raw.destroyed && !this.reply.raw.writableFinished;
    });
  }

  /** An upstream call is being made: a failed request is attributed to its last attempt. */
  attempting(candidate: Candidate, credential: Credential, attempts: number): void {
    this.firstAttempt ??= candidate;
    this.lastAttempt = { candidate, credential, attempts };
    this.fallbackUsed = candidate.route !== this.firstAttempt.route;
    this.request.metricLabels = {
      model: candidate.model.id,
      provider: candidate.route.provider.name,
    };
  }

  /** The upstream call that is answering: its route prices the request. */
  served(call: RoutedCall, firstChoice: Candidate | undefined): void {
    this.call = call;
    this.fallbackUsed = firstChoice !== undefined && firstChoice.route !== call.candidate.route;
    if (this.fallbackUsed) this.deps.routingMetrics.fallback(call.candidate.model.id);
    this.request.metricLabels = {
      model: call.candidate.model.id,
      provider: call.candidate.route.provider.name,
    };
  }

  cost(usage: TokenUsage): string | undefined {
    return (
      usage.costUsd ??
      (this.call ? computeCost(usage, this.call.candidate.route.pricing) : undefined)
    );
  }

  /** Ends a request that failed before its answer was complete; a no-op once settled. */
  fail(error: unknown): void {
    // A client that left is 499 whatever error its absence caused upstream.
    const clientClosed = this.signals?.clientClosed() ?? false;
    const known = error instanceof ApiError ? error : undefined;
    this.settle({
      status: clientClosed ? 499 : (known?.status ?? 500),
      errorCode: clientClosed ? 'client_closed' : (known?.code ?? null),
      errorMessage: clientClosed ? null : (known?.message ?? null),
      usage: undefined,
      delivery: 'none',
    });
  }

  settle(result: OutcomeResult): void {
    if (this.finished) return;
    this.finished = true;
    // A stream's headers are out: its result already says what the client got. Otherwise the
    // response has yet to be sent, and sending it may still fail.
    const raw = this.reply.raw;
    if (raw.headersSent) this.record(result);
    else whenResponded(raw, (responded) => this.record(asDelivered(result, responded)));
  }

  private record(reported: OutcomeResult): void {
    this.stopWatching?.();
    const result = this.cutByServer && reported.status === 499 ? shutDown(reported) : reported;
    // A failed request is attributed to its last upstream attempt (provider, model, credential).
    const attempted = this.call ?? this.lastAttempt;
    const route = attempted?.candidate.route;
    const { usage, source } = resolveUsage(result.delivery, result.usage, {
      prompt: this.fitted?.estimatePromptTokens,
      answer: result.answer,
    });
    const usedTokens = usage && usage.promptTokens + usage.completionTokens;
    const costUsd = usage === undefined ? undefined : this.cost(usage);
    if (this.holds) {
      releaseHolds(this.holds, this.call, {
        status: result.status,
        errorCode: result.errorCode,
        usedTokens,
        costUsd,
      });
    }
    const requestedModel = this.parsed?.requestedModel ?? '';
    const { request, principal } = this;
    const { errorCode } = result;
    if (request.span.isRecording()) {
      request.span.setAttributes(
        genAiAttributes({ endpoint: this.endpoint, requestedModel, route, usage, errorCode }),
      );
    }
    this.deps.usage.record({
      requestId: request.id,
      clientRequestId: clientRequestIdOf(request.headers),
      principal,
      endpoint: this.endpoint,
      requestedModel,
      model: attempted?.candidate.model.id ?? requestedModel,
      provider: route?.provider.name ?? '',
      upstreamModel: route?.upstreamModel ?? '',
      credentialId: attempted?.credential.id,
      stream: this.parsed?.stream ?? false,
      status: result.status,
      errorCode: result.errorCode,
      errorMessage: result.errorMessage,
      usage,
      usageSource: source,
      cost: costUsd,
      costSource: costUsd === undefined ? undefined : usage?.costUsd ? 'provider' : 'catalog',
      priceVersion: route?.priceVersion,
      startedAt: this.startedAt,
      latencyMs: this.deps.now() - this.startedAt,
      timeToFirstTokenMs: result.timeToFirstTokenMs,
      attempts: attempted?.attempts ?? 0,
      fallbackUsed: this.fallbackUsed,
      bodies: principal.logBodies ? this.logBodies(result, attempted?.credential.key) : undefined,
      traceContext: request.traceContext,
      endUser: this.attribution?.endUser,
      tags: this.attribution?.tags,
    });
  }

  /** The request log's bodies; a failure to capture them loses the bodies, never the usage. */
  private logBodies(result: OutcomeResult, usedKey: string | undefined): RequestBodies | undefined {
    try {
      return captureBodies({
        request: this.request.body,
        answer: result.answer,
        present: this.parsed?.present,
        maxBytes: this.deps.requestLogMaxBytes,
        // Every upstream key, not only the one used: a refused request used none.
        secrets: [usedKey, ...upstreamSecretsOf(this.deps.catalog)],
      });
    } catch (error: unknown) {
      this.request.log.warn({ err: error }, 'request log bodies could not be captured');
      return undefined;
    }
  }
}

/** A request the shutdown ended, recorded as the server's failure (usage as delivered stays). */
function shutDown(result: OutcomeResult): OutcomeResult {
  const error = apiErrors.shuttingDown();
  return { ...result, status: error.status, errorCode: error.code, errorMessage: error.message };
}
