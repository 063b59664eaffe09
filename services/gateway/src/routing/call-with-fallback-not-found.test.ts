import { Readable } from 'node:stream';
import { ROOT_CONTEXT } from '@opentelemetry/api';
import { ApiError } from '@switchyard/service-kit';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createCredentialPool } from '../catalog/credential-pool.js';
import type { Executor, UpstreamCall, UpstreamResponse } from '../upstream/create-executor.js';
import { RequestDeadline } from '../upstream/request-deadline.js';
import { UpstreamFailure } from '../upstream/upstream-failure.js';
import { callWithFallback } from './call-with-fallback.js';
import { createCircuitBreakers } from './circuit-breaker.js';
import type { Candidate } from './plan-candidates.js';
import { createRoutingMetrics } from './routing-metrics.js';
import { DEFAULT_ROUTING_POLICY } from './routing-policy.js';
import { testCatalog } from './test-catalog.js';

// A cloud that lists a model the project may not call answers 404 (Vertex's Claude not enabled);
// the routes after it (OpenRouter) must still get the request.
const NOW = 1_800_000_000_000;

const NOT_FOUND = JSON.stringify({
  error: { message: 'The model `chat` does not exist', type: 'invalid_request_error', code: null },
});
const COMPLETION = JSON.stringify({
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1,
  model: 'chat',
  choices: [{ index: 0, message: { role: 'assistant', content: 'hi' }, finish_reason: 'stop' }],
});

/** The catalog's `m/chat`, routed to `providers` in order, each with one key. */
function candidates(providers: string[]): Candidate[] {
  const model = testCatalog({ 'm/chat': { routes: providers } }).find('m/chat');
  if (model === undefined) throw new Error('the test catalog has the model');
  return model.routes.map((route) => {
    const pool = createCredentialPool({
      provider: route.provider.name,
      credentials: [
        {
          id: `${route.provider.name}:0`,
          key: `sk-${route.provider.name}`,
          rpm: undefined,
          tpm: undefined,
          dailyRequests: undefined,
        },
      ],
      strategy: 'round_robin',
      now: () => NOW,
    });
    return { model, route: { ...route, provider: { ...route.provider, pool } } };
  });
}

/** One upstream per provider: those in `notFound` answer OpenAI's 404, the others 200. */
function executor(notFound: Set<string>, sent: string[]): Executor {
  const response = (status: number, text: string): UpstreamResponse => ({
    status,
    headers: { 'content-type': 'application/json' },
    body: Readable.from([Buffer.from(text)]),
    clientClosed: () => false,
    toFailure: (error) => new UpstreamFailure('connection_lost', 'test', 'lost', error),
  });
  return {
    send: async (call: UpstreamCall) => {
      sent.push(call.provider);
      return notFound.has(call.provider) ? response(404, NOT_FOUND) : response(200, COMPLETION);
    },
    close: async () => {},
  };
}

function call(routes: Candidate[], notFound: Set<string>, sent: string[]) {
  const breakers = createCircuitBreakers({ threshold: 1, cooldownMs: 60_000, now: () => NOW });
  const result = callWithFallback({
    candidates: routes,
    build: (_candidate, target) => ({
      url: `${target.baseUrl}/chat/completions`,
      method: 'POST',
      headers: {},
      body: '{}',
      warnings: [],
    }),
    executor: executor(notFound, sent),
    breakers,
    policy: DEFAULT_ROUTING_POLICY,
    deadline: new RequestDeadline(),
    clientClosed: () => false,
    parentContext: ROOT_CONTEXT,
    estimatedTokens: 10,
    now: () => NOW,
    random: () => 0,
    metrics: createRoutingMetrics(new Registry()),
  });
  return { result, breakers };
}

describe('callWithFallback when a route answers 404', () => {
  it('moves on to the next route, without opening the 404 route’s circuit', async () => {
    const sent: string[] = [];
    const { result, breakers } = call(
      candidates(['cloud', 'openrouter']),
      new Set(['cloud']),
      sent,
    );
    const routed = await result;
    expect(routed.candidate.route.provider.name).toBe('openrouter');
    expect(routed.attempts).toBe(2);
    expect(sent).toEqual(['cloud', 'openrouter']);
    // Threshold 1: one charged failure would have opened it.
    expect(breakers.allows('cloud/chat')).toBe(true);
  });

  it("answers the last route's 404 when every route has none", async () => {
    const sent: string[] = [];
    const { result } = call(candidates(['cloud', 'other']), new Set(['cloud', 'other']), sent);
    const error = await result.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(404);
    expect(sent).toEqual(['cloud', 'other']);
  });
});
