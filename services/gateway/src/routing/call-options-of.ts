import type { FastifyRequest } from 'fastify';
import type { GatewayDeps } from '../gateway-deps.js';
import type { RequestSignals } from '../relay/request-signals.js';
import type { CallWithFallbackOptions } from './call-with-fallback.js';

/** The part of `callWithFallback`'s options every endpoint takes from the gateway and request. */
export function callOptionsOf(
  deps: GatewayDeps,
  request: FastifyRequest,
  signals: RequestSignals,
): Omit<CallWithFallbackOptions, 'candidates' | 'build' | 'estimatedTokens'> {
  return {
    executor: deps.executor,
    breakers: deps.breakers,
    policy: deps.policy,
    signal: signals.deadline,
    clientClosed: signals.clientClosed,
    parentContext: request.traceContext,
    now: deps.now,
    random: deps.random,
    metrics: deps.routingMetrics,
  };
}
