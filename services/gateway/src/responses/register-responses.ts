import { apiErrors } from '@switchyard/service-kit';
import type { FastifyInstance } from 'fastify';
import type { Authenticator } from '../auth/create-authenticator.js';
import type { Router } from '../pipeline/create-router.js';
import type { ResponsesAnswerDeps } from './responses-answer-deps.js';
import { responsesEndpoint } from './responses-endpoint.js';

/**
 * `POST /v1/responses`, streaming and not, and `GET`/`DELETE /v1/responses/{id}` for the
 * Responses this gateway stored, by the key that created them (any other key gets a 404).
 */
export function registerResponses(
  app: FastifyInstance,
  router: Router,
  deps: ResponsesAnswerDeps & { authenticate: Authenticator },
): void {
  const endpoint = responsesEndpoint(deps);
  app.post('/v1/responses', (request, reply) => router.route(endpoint, request, reply));
  app.get<{ Params: { id: string } }>('/v1/responses/:id', async (request) => {
    const principal = await deps.authenticate(request.headers);
    const stored = await deps.store.get(request.params.id, principal.keyId);
    if (stored === undefined) throw notFound(request.params.id);
    return stored.response;
  });
  app.delete<{ Params: { id: string } }>('/v1/responses/:id', async (request) => {
    const principal = await deps.authenticate(request.headers);
    const { id } = request.params;
    if (!(await deps.store.delete(id, principal.keyId))) throw notFound(id);
    return { id, object: 'response', deleted: true };
  });
}

function notFound(id: string) {
  return apiErrors.notFound(`Response with id '${id}' not found.`);
}
