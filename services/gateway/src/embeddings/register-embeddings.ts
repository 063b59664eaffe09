import { type EmbeddingsRequest, embeddingsRequestSchema } from '@switchyard/contracts';
import { apiErrors, parseBody } from '@switchyard/service-kit';
import type { FastifyInstance } from 'fastify';
import { admitRequest } from '../admission/admit-request.js';
import { priceBoundsOf } from '../admission/price-bounds-of.js';
import { reserveBudget } from '../admission/reserve-budget.js';
import { allowedCandidates } from '../auth/allowed-candidates.js';
import type { GatewayDeps } from '../gateway-deps.js';
import { parseUpstreamJson } from '../relay/parse-upstream-json.js';
import { requestSignals } from '../relay/request-signals.js';
import { responseContext } from '../relay/response-context.js';
import { callOptionsOf } from '../routing/call-options-of.js';
import { callWithFallback } from '../routing/call-with-fallback.js';
import { planCandidates } from '../routing/plan-candidates.js';
import { routingHeaders } from '../routing/routing-headers.js';
import { jsonAnswer } from '../usage/answer.js';
import { trackOutcome } from '../usage/track-outcome.js';
import { encodeEmbeddings } from './encode-embeddings.js';
import { estimateInputTokens } from './estimate-input-tokens.js';

/** `POST /v1/embeddings`, routed like chat (fallbacks, credential pools, circuits). */
export function registerEmbeddings(app: FastifyInstance, deps: GatewayDeps): void {
  app.post('/v1/embeddings', async (request, reply) => {
    const principal = await deps.authenticate(request.headers);
    const outcome = trackOutcome(deps, request, reply, { principal, endpoint: 'embeddings' });
    try {
      const body: EmbeddingsRequest = parseBody(embeddingsRequestSchema, request.body);
      outcome.describe(body.model, false);
      outcome.measured(() => estimateInputTokens(body.input));
      const candidates = allowedCandidates(
        principal,
        planCandidates(deps.catalog, body, 'embedding'),
        body.model,
      ).filter((candidate) => candidate.route.provider.adapter.embeddings !== undefined);
      const first = candidates[0];
      if (!first)
        throw apiErrors.invalidRequest(
          `No provider of '${body.model}' has an embeddings API.`,
          'model',
        );
      const estimatedTokens = Math.ceil(JSON.stringify(body.input).length / 4);
      const admission = await admitRequest(deps.limiter, deps.admissionMetrics, {
        principal,
        modelId: first.model.id,
        tokens: estimatedTokens,
        leaseId: request.id,
      });
      reply.headers(admission.headers);
      const budget = await reserveBudget(deps.budgets, {
        principal,
        leaseId: request.id,
        now: deps.now(),
        fixedNanos: estimatedTokens * priceBoundsOf(candidates).promptNanos,
        perTokenNanos: 0,
        maxTokens: 0,
      }).catch((error: unknown) => {
        admission.end({ status: 402, usedTokens: 0 });
        throw error;
      });
      outcome.admitted({ estimatedTokens, admission, budget });
      const signals = requestSignals(reply, deps.requestTimeoutMs);
      try {
        const call = await callWithFallback({
          candidates,
          build: (candidate, target) => {
            const embeddings = candidate.route.provider.adapter.embeddings;
            if (!embeddings) throw new Error('filtered above');
            return embeddings.buildRequest(body, target);
          },
          ...callOptionsOf(deps, request, signals),
          estimatedTokens,
          onAttempt: outcome.attempting,
        });
        outcome.served(call, first);
        reply.headers(routingHeaders(call, undefined));
        const { route } = call.candidate;
        const parsed = await parseUpstreamJson(
          call,
          (json) =>
            route.provider.adapter.embeddings?.parseResponse(
              json,
              responseContext(route, deps.now),
            ) ?? { body: {}, usage: undefined },
        );
        const usage = parsed.usage;
        outcome.finish({
          status: 200,
          errorCode: null,
          errorMessage: null,
          usage,
          delivery: 'complete',
          answer: jsonAnswer(parsed.body, parsed.passThrough ? parsed.text : undefined),
        });
        // An OpenAI-format body is forwarded as written: re-serialising vectors is the costly part.
        if (parsed.passThrough) return reply.type('application/json').send(parsed.text);
        return reply.send(encodeEmbeddings(parsed.body, body.encoding_format));
      } catch (error: unknown) {
        outcome.fail(error, signals.clientClosed());
        throw error;
      }
    } catch (error: unknown) {
      outcome.fail(error, false);
      throw error;
    }
  });
}
