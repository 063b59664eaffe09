import { type ChatCompletionRequest, chatCompletionRequestSchema } from '@switchyard/contracts';
import { parseBody } from '@switchyard/service-kit';
import type { FastifyInstance } from 'fastify';
import type { GatewayDeps } from '../gateway-deps.js';
import { routeChat } from './route-chat.js';
import { sendChatJson } from './send-chat-json.js';
import { sendChatStream } from './send-chat-stream.js';

/** `POST /v1/chat/completions`, streaming and not. */
export function registerChatCompletions(app: FastifyInstance, deps: GatewayDeps): void {
  app.post('/v1/chat/completions', async (request, reply) => {
    const principal = await deps.authenticate(request.headers);
    const body: ChatCompletionRequest = parseBody(chatCompletionRequestSchema, request.body);
    const { call, outcome } = await routeChat(
      deps,
      request,
      reply,
      body,
      principal,
      'chat.completions',
    );
    if (body.stream === true) {
      const includeUsage = body.stream_options?.include_usage === true;
      return sendChatStream({ reply, call, outcome, includeUsage, now: deps.now });
    }
    return sendChatJson({ reply, call, outcome, now: deps.now });
  });
}
