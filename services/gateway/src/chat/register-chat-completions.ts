import type { FastifyInstance } from 'fastify';
import type { Router } from '../pipeline/create-router.js';
import { type ChatAnswerDeps, chatCompletionsEndpoint } from './chat-completions-endpoint.js';

/**
 * `POST /v1/chat/completions`, streaming and not. The body's text is kept (`keepRawBody`): an
 * OpenAI-compatible upstream is sent it as it came, with only the gateway's fields set.
 */
export function registerChatCompletions(
  app: FastifyInstance,
  router: Router,
  deps: ChatAnswerDeps,
): void {
  const endpoint = chatCompletionsEndpoint(deps);
  app.post('/v1/chat/completions', { config: { keepRawBody: true } }, (request, reply) =>
    router.route(endpoint, request, reply),
  );
}
