import { type ChatCompletionRequest, chatCompletionRequestSchema } from '@switchyard/contracts';
import { parseBody } from '@switchyard/service-kit';
import type { FastifyInstance } from 'fastify';
import type { GatewayDeps } from '../gateway-deps.js';
import { trackOutcome } from '../usage/track-outcome.js';
import { routeChat } from './route-chat.js';
import { sendChatJson } from './send-chat-json.js';
import { sendChatStream } from './send-chat-stream.js';

/** `POST /v1/chat/completions`, streaming and not. */
export function registerChatCompletions(app: FastifyInstance, deps: GatewayDeps): void {
  app.post('/v1/chat/completions', async (request, reply) => {
    const principal = await deps.authenticate(request.headers);
    const outcome = trackOutcome(deps, request, reply, { principal, endpoint: 'chat.completions' });
    try {
      const body: ChatCompletionRequest = parseBody(chatCompletionRequestSchema, request.body);
      outcome.describe(body.model, body.stream === true);
      const call = await routeChat(deps, request, reply, body, principal, outcome);
      if (body.stream === true) {
        const includeUsage = body.stream_options?.include_usage === true;
        return sendChatStream({
          reply,
          call,
          outcome,
          includeUsage,
          cutoff: deps.shutdownCutoff,
          now: deps.now,
        });
      }
      return await sendChatJson({ reply, call, outcome, now: deps.now });
    } catch (error: unknown) {
      outcome.fail(error, false);
      throw error;
    }
  });
}
