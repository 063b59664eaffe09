import type { FastifyInstance } from 'fastify';
import type { Router } from '../pipeline/create-router.js';
import { embeddingsEndpoint } from './embeddings-endpoint.js';

/** `POST /v1/embeddings`. */
export function registerEmbeddings(
  app: FastifyInstance,
  router: Router,
  deps: { now: () => number },
): void {
  const endpoint = embeddingsEndpoint(deps);
  app.post('/v1/embeddings', (request, reply) => router.route(endpoint, request, reply));
}
