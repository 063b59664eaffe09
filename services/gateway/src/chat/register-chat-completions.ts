import type { FastifyInstance } from 'fastify';
import type { Router } from '../pipeline/create-router.js';
import { type ChatAnswerDeps, chatCompletionsEndpoint } from './chat-completions-endpoint.js';

/** `POST /v1/chat/completions`, streaming and not. */
export function registerChatCompletions(
  app: FastifyInstance,
  router: Router,
  deps: ChatAnswerDeps,
): void {
  const endpoint = chatCompletionsEndpoint(deps);
  app.post('/v1/chat/completions', (request, reply) => router.route(endpoint, request, reply));
}
