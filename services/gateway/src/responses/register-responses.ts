import { apiErrors } from '@switchyard/service-kit';
import type { FastifyInstance } from 'fastify';
import type { Authenticator } from '../auth/create-authenticator.js';
import type { Router } from '../pipeline/create-router.js';
import type { ResponseStore } from './response-store.js';
import type { ResponsesAnswerDeps } from './responses-answer-deps.js';
import { responsesEndpoint } from './responses-endpoint.js';

/**
 * `POST /v1/responses`, streaming and not, and `GET`/`DELETE /v1/responses/{id}` for the
 * Responses this gateway stored, by the key that created them (any other key gets a 404; so does
 * the owner of one an upstream stored, told where it is).
 */
export function registerResponses(
  app: FastifyInstance,
  router: Router,
  deps: ResponsesAnswerDeps & { authenticate: Authenticator },
): void {
  const endpoint = responsesEndpoint(deps);
  // The body's text is kept: a native route is sent it as it came (`ParsedResponses.takeSource`).
  app.post('/v1/responses', { config: { keepRawBody: true } }, (request, reply) =>
    router.route(endpoint, request, reply),
  );
  app.get<{ Params: { id: string } }>('/v1/responses/:id', async (request) => {
    const principal = await deps.authenticate(request.headers);
    const { id } = request.params;
    const stored = await deps.store.get(id, principal.keyId);
    if (stored === undefined) throw await notHere(deps.store, id, principal.keyId);
    return stored.response;
  });
  app.delete<{ Params: { id: string } }>('/v1/responses/:id', async (request) => {
    const principal = await deps.authenticate(request.headers);
    const { id } = request.params;
    if (!(await deps.store.delete(id, principal.keyId))) {
      throw await notHere(deps.store, id, principal.keyId);
    }
    return { id, object: 'response', deleted: true };
  });
}

/**
 * The 404 for a Response this gateway does not hold for the caller. The owner of one an upstream
 * stored (served natively) is told where it is — the gateway neither reads nor deletes it there;
 * any other key is told only that it was not found, as for an id never seen.
 */
async function notHere(store: ResponseStore, id: string, keyId: string) {
  const native = await store.getNative(id, keyId);
  if (native === undefined) return apiErrors.notFound(`Response with id '${id}' not found.`);
  return apiErrors.notFound(
    `Response with id '${id}' is stored by provider '${native.provider}', which served it ` +
      'natively: Switchyard does not read or delete such Responses (continue it with ' +
      'previous_response_id, or read or delete it at the provider).',
  );
}
