import { type EmbeddingsRequest, embeddingsRequestSchema } from '@switchyard/contracts';
import { apiErrors, parseBody } from '@switchyard/service-kit';
import type { FastifyInstance } from 'fastify';
import { resolveModel } from '../catalog/resolve-model.js';
import type { GatewayDeps } from '../gateway-deps.js';
import { callUpstream } from '../relay/call-upstream.js';
import { clientSignal } from '../relay/client-signal.js';
import { parseUpstreamJson } from '../relay/parse-upstream-json.js';
import { responseContext } from '../relay/response-context.js';
import { trackOutcome } from '../usage/track-outcome.js';

/** `POST /v1/embeddings`. */
export function registerEmbeddings(app: FastifyInstance, deps: GatewayDeps): void {
  app.post('/v1/embeddings', async (request, reply) => {
    const principal = deps.authenticate(request.headers);
    const body: EmbeddingsRequest = parseBody(embeddingsRequestSchema, request.body);
    const { model, route } = resolveModel(deps.catalog, body.model, 'embedding');
    const embeddings = route.provider.adapter.embeddings;
    if (!embeddings) {
      throw apiErrors.invalidRequest(
        `Provider '${route.provider.name}' has no embeddings API.`,
        'model',
      );
    }
    request.metricLabels = { model: model.id, provider: route.provider.name };
    const outcome = trackOutcome(deps, request, {
      principal,
      endpoint: 'embeddings',
      model,
      route,
      stream: false,
    });
    const signal = clientSignal(reply);
    try {
      const call = await callUpstream({
        executor: deps.executor,
        route,
        build: (target) => embeddings.buildRequest(body, target),
        clientSignal: signal,
        parentContext: request.traceContext,
        now: deps.now,
      });
      const parsed = await parseUpstreamJson(call, route, (json) =>
        embeddings.parseResponse(json, responseContext(route, deps.now)),
      );
      const usage = parsed.usage;
      outcome.finish({
        status: 200,
        errorCode: null,
        usage,
        usageSource: usage ? 'provider' : 'none',
      });
      // Vectors are forwarded as the upstream wrote them: re-serialising floats is the costly part.
      return reply.type('application/json').send(parsed.text);
    } catch (error: unknown) {
      outcome.fail(error, signal.aborted);
      throw error;
    }
  });
}
