import type { ModelKind } from '@switchyard/config';
import { apiErrors } from '@switchyard/service-kit';
import type { Model, ModelCatalog, Route } from './model-catalog.js';

/** The model a request names and the route to serve it, or the 404/400 the caller should get. */
export function resolveModel(
  catalog: ModelCatalog,
  id: string,
  kind: ModelKind,
): { model: Model; route: Route } {
  const model = catalog.find(id);
  if (!model) throw apiErrors.modelNotFound(id);
  if (model.kind !== kind) {
    const endpoint = model.kind === 'embedding' ? '/v1/embeddings' : '/v1/chat/completions';
    throw apiErrors.invalidRequest(
      `Model '${id}' is a ${model.kind} model: use ${endpoint}.`,
      'model',
    );
  }
  // Routing across several routes, fallbacks and pins arrive with issue #3.
  const route = model.routes[0];
  if (!route) throw apiErrors.noAvailableProvider(`Model '${id}' has no route configured.`);
  return { model, route };
}
