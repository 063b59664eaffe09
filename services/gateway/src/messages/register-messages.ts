import { asApiError } from '@switchyard/service-kit';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ChatAnswerDeps } from '../chat/chat-completions-endpoint.js';
import type { Router } from '../pipeline/create-router.js';
import { type CountTokensDeps, countTokensHandler } from './count-tokens-handler.js';
import { messagesEndpoint } from './messages-endpoint.js';
import { messagesErrorFormat } from './messages-error-format.js';

/**
 * `POST /v1/messages`, streaming and not, and `POST /v1/messages/count_tokens`; errors use
 * Anthropic's error body. Both keep the body's text as sent, for a pass-through to Anthropic.
 */
export function registerMessages(
  app: FastifyInstance,
  router: Router,
  deps: ChatAnswerDeps & CountTokensDeps & { bodyLimitBytes: number },
): void {
  const errorHandler = (error: FastifyError, request: FastifyRequest, reply: FastifyReply) =>
    messagesErrorFormat.send(reply, asApiError(error, deps.bodyLimitBytes, request.log));
  const endpoint = messagesEndpoint(deps);
  const config = { keepRawBody: true };
  app.post('/v1/messages', { errorHandler, config }, (request, reply) =>
    router.route(endpoint, request, reply),
  );
  app.post('/v1/messages/count_tokens', { errorHandler, config }, countTokensHandler(deps));
}
