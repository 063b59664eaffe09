import type { TokenUsage } from '@switchyard/contracts';
import { ApiError } from '@switchyard/service-kit';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal.js';
import type { Model, Route } from '../catalog/model-catalog.js';
import type { GatewayDeps } from '../gateway-deps.js';
import { computeCost } from './compute-cost.js';
import type { RequestOutcome, UsageSource } from './usage-recorder.js';

export interface OutcomeResult {
  status: number;
  errorCode: string | null;
  usage: TokenUsage | undefined;
  usageSource: UsageSource;
  timeToFirstTokenMs?: number | undefined;
}

/** Collects one request's outcome and hands it to the usage recorder exactly once. */
export interface OutcomeTracker {
  startedAt: number;
  cost(usage: TokenUsage): string;
  finish(result: OutcomeResult): void;
  /** Records a request that failed before a response could be sent. */
  fail(error: unknown, clientClosed: boolean): void;
}

export function trackOutcome(
  deps: GatewayDeps,
  request: FastifyRequest,
  fields: {
    principal: Principal;
    endpoint: RequestOutcome['endpoint'];
    model: Model;
    route: Route;
    stream: boolean;
  },
): OutcomeTracker {
  const startedAt = deps.now();
  let finished = false;
  const cost = (usage: TokenUsage) => computeCost(usage, fields.route.pricing);
  const tracker: OutcomeTracker = {
    startedAt,
    cost,
    fail(error, clientClosed) {
      const status = error instanceof ApiError ? error.status : clientClosed ? 499 : 500;
      const errorCode =
        error instanceof ApiError ? error.code : clientClosed ? 'client_closed' : null;
      tracker.finish({ status, errorCode, usage: undefined, usageSource: 'none' });
    },
    finish(result) {
      if (finished) return;
      finished = true;
      deps.usage.record({
        requestId: request.id,
        principal: fields.principal,
        endpoint: fields.endpoint,
        model: fields.model.id,
        provider: fields.route.provider.name,
        upstreamModel: fields.route.upstreamModel,
        stream: fields.stream,
        status: result.status,
        errorCode: result.errorCode,
        usage: result.usage,
        usageSource: result.usageSource,
        cost: result.usage === undefined ? undefined : cost(result.usage),
        startedAt,
        latencyMs: deps.now() - startedAt,
        timeToFirstTokenMs: result.timeToFirstTokenMs,
      });
    },
  };
  return tracker;
}
