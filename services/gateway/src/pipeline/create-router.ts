import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Authenticator } from '../auth/create-authenticator.js';
import type { ModelCatalog } from '../catalog/model-catalog.js';
import type { ShutdownCutoff } from '../relay/create-shutdown-cutoff.js';
import { allowedCandidates } from '../routing/allowed-candidates.js';
import { type CallWithFallbackOptions, callWithFallback } from '../routing/call-with-fallback.js';
import { planCandidates } from '../routing/plan-candidates.js';
import { routingHeaders } from '../routing/routing-headers.js';
import { requestSignals } from '../upstream/request-signals.js';
import { attributionOf } from '../usage/attribution-of.js';
import type { UsageRecorder } from '../usage/usage-recorder.js';
import { type AdmissionChecks, admitFitted } from './admit-fitted.js';
import type { Endpoint, ParsedRequest } from './endpoint.js';
import { RoutedRequest, type SettleDeps } from './routed-request.js';

/** How upstream calls are made (shared by every request), and each request's total deadline. */
export type UpstreamCalls = Pick<
  CallWithFallbackOptions,
  'executor' | 'breakers' | 'policy' | 'metrics' | 'now' | 'random'
> & {
  /** Total deadline of one request's upstream work, retries included. */
  requestTimeoutMs: number;
};

/** Where outcomes go. */
export interface Outcomes {
  usage: UsageRecorder;
  /** Ends the requests (streams) still running when the shutdown grace is over. */
  shutdownCutoff: ShutdownCutoff;
  /** Longest body the request log keeps, per request and per response (UTF-8 bytes). */
  requestLogMaxBytes: number;
  /** Milliseconds since the epoch; injectable so tests can pin time. */
  now: () => number;
}

/** What the pipeline works with, one group per stage; built once in `app.ts`. */
export interface RouterDeps {
  authenticate: Authenticator;
  catalog: ModelCatalog;
  admission: AdmissionChecks;
  upstream: UpstreamCalls;
  outcomes: Outcomes;
}

/** The routed-request pipeline every model endpoint plugs into. */
export interface Router {
  /** Serves one request of `endpoint`: the route handler. */
  route<Request extends ParsedRequest>(
    endpoint: Endpoint<Request>,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<FastifyReply>;
}

/**
 * The one pipeline of a routed request: authenticate, parse, plan the candidates (404/400),
 * keep those the key may use (403), fit the request to them (400), admit it through the rate
 * limits (429) and the budgets (402), call the candidates in order with retries and fallbacks
 * (setting the routing headers), and let the endpoint answer. Every request that passed
 * authentication is settled exactly once: by its endpoint when the answer ends, or here, in the
 * one catch, when it failed before.
 */
export function createRouter(deps: RouterDeps): Router {
  const { upstream } = deps;
  const settle: SettleDeps = {
    ...deps.outcomes,
    catalog: deps.catalog,
    routingMetrics: deps.upstream.metrics,
  };
  return {
    async route(endpoint, request, reply) {
      const principal = await deps.authenticate(request.headers);
      const routed = new RoutedRequest(settle, request, reply, principal, endpoint.name);
      try {
        const parsed = await endpoint.parse(request.body, request, principal);
        routed.parsed = parsed;
        routed.attribution = attributionOf(request.headers, request.body);
        const { route } = parsed;
        const planned = allowedCandidates(
          principal,
          planCandidates(deps.catalog, route, endpoint.kind),
          route.model,
        );
        const first = planned[0];
        if (first) request.metricLabels = { model: first.model.id, provider: '' };
        const fitted = endpoint.fit(parsed, planned);
        routed.fitted = fitted;
        routed.admitted(
          await admitFitted(
            deps.admission,
            { principal, leaseId: request.id, modelId: first?.model.id, fitted, now: settle.now },
            reply,
          ),
        );
        const signals = requestSignals(reply, upstream.requestTimeoutMs);
        routed.signals = signals;
        // Field by field, not `{ ...upstream, … }`: on Node 20 an object spread followed by more
        // properties gets a hidden class of its own every time, which makes every read of it
        // downstream a megamorphic miss and allocates a map in the old generation per request.
        const call = await callWithFallback({
          executor: upstream.executor,
          breakers: upstream.breakers,
          policy: upstream.policy,
          metrics: upstream.metrics,
          now: upstream.now,
          random: upstream.random,
          candidates: fitted.candidates,
          build: fitted.build,
          deadline: signals.deadline,
          clientClosed: signals.clientClosed,
          parentContext: request.traceContext,
          estimatedTokens: fitted.estimatedTokens,
          onAttempt: (candidate, credential, attempts) =>
            routed.attempting(candidate, credential, attempts),
        });
        routed.served(call, first);
        reply.headers(
          routingHeaders(call, fitted.adjustedMaxTokens(call.candidate), parsed.warnings),
        );
        await endpoint.respond({ request: parsed, call, admitted: routed, reply });
        return reply;
      } catch (error: unknown) {
        routed.fail(error);
        throw error;
      }
    },
  };
}
