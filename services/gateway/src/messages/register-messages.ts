import { asApiError } from '@switchyard/service-kit';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ChatAnswerDeps } from '../chat/chat-completions-endpoint.js';
import type { Router } from '../pipeline/create-router.js';
import { messagesEndpoint } from './messages-endpoint.js';
import { messagesErrorFormat } from './messages-error-format.js';

/** `POST /v1/messages`, streaming and not; errors use Anthropic's error body. */
export function registerMessages(
  app: FastifyInstance,
  router: Router,
  deps: ChatAnswerDeps & { bodyLimitBytes: number },
): void {
  const errorHandler = (error: FastifyError, request: FastifyRequest, reply: FastifyReply) =>
    messagesErrorFormat.send(reply, asApiError(error, deps.bodyLimitBytes, request.log));
  const endpoint = messagesEndpoint(deps);
  app.post('/v1/messages', { errorHandler }, (request, reply) =>
    router.route(endpoint, request, reply),
  );
}
