import { type ChatCompletionRequest, chatCompletionRequestSchema } from '@switchyard/contracts';
import { parseBody } from '@switchyard/service-kit';
import type { FastifyInstance } from 'fastify';
import { resolveModel } from '../catalog/resolve-model.js';
import type { GatewayDeps } from '../gateway-deps.js';
import { callUpstream } from '../relay/call-upstream.js';
import { clientSignal } from '../relay/client-signal.js';
import { trackOutcome } from '../usage/track-outcome.js';
import { sendChatJson } from './send-chat-json.js';
import { sendChatStream } from './send-chat-stream.js';

/** `POST /v1/chat/completions`, streaming and not. */
export function registerChatCompletions(app: FastifyInstance, deps: GatewayDeps): void {
  app.post('/v1/chat/completions', async (request, reply) => {
    const principal = deps.authenticate(request.headers);
    const body: ChatCompletionRequest = parseBody(chatCompletionRequestSchema, request.body);
    const { model, route } = resolveModel(deps.catalog, body.model, 'chat');
    request.metricLabels = { model: model.id, provider: route.provider.name };
    const stream = body.stream === true;
    const outcome = trackOutcome(deps, request, {
      principal,
      endpoint: 'chat.completions',
      model,
      route,
      stream,
    });
    const signal = clientSignal(reply);
    try {
      const call = await callUpstream({
        executor: deps.executor,
        route,
        build: (target) => route.provider.adapter.buildChatRequest(body, target),
        clientSignal: signal,
        parentContext: request.traceContext,
        now: deps.now,
      });
      if (stream) return sendChatStream({ reply, body, route, call, outcome, now: deps.now });
      return await sendChatJson({ reply, route, call, outcome, now: deps.now });
    } catch (error: unknown) {
      outcome.fail(error, signal.aborted);
      throw error;
    }
  });
}
