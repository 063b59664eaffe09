import type { ModelKind } from '@switchyard/config';
import { ApiError, apiErrors } from '@switchyard/service-kit';
import { z } from 'zod';
import type { Model, ModelCatalog, Route } from '../catalog/model-catalog.js';
import { resolveModelId } from './resolve-model-id.js';

/** One model served by one route: what a single upstream attempt is made against. */
export interface Candidate {
  model: Model;
  route: Route;
}

/** OpenRouter's provider preferences, the part Switchyard acts on. */
const providerPreferencesSchema = z.looseObject({
  order: z.array(z.string()).optional(),
  allow_fallbacks: z.boolean().optional(),
  // An empty list would allow no provider at all: refused rather than read as "no filter".
  only: z.array(z.string()).min(1).optional(),
  ignore: z.array(z.string()).optional(),
});
type ProviderPreferences = z.infer<typeof providerPreferencesSchema>;

export interface RouteRequest {
  model: string;
  /** OpenRouter's `models`: fallback models, tried in order after `model`. */
  models?: readonly string[] | undefined;
  /** OpenRouter's `provider` preferences. */
  provider?: unknown;
}

/**
 * Every (model, route) the request may be served by, in the order to try them: the requested
 * model's routes by priority (or by `provider.order`), narrowed by `:free`, `@provider`,
 * `provider.only`/`ignore`/`allow_fallbacks`, then the same for each model of `models`.
 */
export function planCandidates(
  catalog: ModelCatalog,
  request: RouteRequest,
  kind: ModelKind,
): Candidate[] {
  const preferences = parsePreferences(request.provider);
  const ids = [request.model, ...(request.models ?? []).filter((id) => id !== request.model)];
  const candidates: Candidate[] = [];
  ids.forEach((id, index) => {
    const param = index === 0 ? 'model' : `models[${(request.models ?? []).indexOf(id)}]`;
    const { model, freeOnly, pin } = resolveModelId(catalog, id, param);
    if (model.kind !== kind) {
      const endpoint = model.kind === 'embedding' ? '/v1/embeddings' : '/v1/chat/completions';
      throw apiErrors.invalidRequest(
        `Model '${model.id}' is a ${model.kind} model: use ${endpoint}.`,
        param,
      );
    }
    const routes = orderRoutes(model.routes, preferences).filter(
      (route) => (!freeOnly || route.free) && (pin === undefined || route.provider.name === pin),
    );
    if (routes.length === 0 && index === 0) throw noRoute(model, { id, param, freeOnly, pin });
    for (const route of routes) candidates.push({ model, route });
  });
  return candidates;
}

function orderRoutes(routes: readonly Route[], preferences: ProviderPreferences): Route[] {
  const { order, only, ignore } = preferences;
  let allowed = routes.filter(
    (route) =>
      (only === undefined || only.includes(route.provider.name)) &&
      (ignore === undefined || !ignore.includes(route.provider.name)),
  );
  if (order !== undefined) {
    const rank = (route: Route) => {
      const position = order.indexOf(route.provider.name);
      return position === -1 ? order.length : position;
    };
    allowed = [...allowed].sort((a, b) => rank(a) - rank(b));
  }
  if (preferences.allow_fallbacks === false) {
    allowed =
      order === undefined
        ? allowed.slice(0, 1)
        : allowed.filter((route) => order.includes(route.provider.name));
  }
  return allowed;
}

/**
 * Why the requested model has no candidate, as the caller's error: `:free` or `@provider` naming
 * a variant the model does not have is an unknown model (404); preferences that leave no route
 * are a bad `provider` (400). Neither is the gateway's unavailability (503).
 */
function noRoute(
  model: Model,
  request: { id: string; param: string; freeOnly: boolean; pin: string | undefined },
): ApiError {
  const { id, param, freeOnly, pin } = request;
  const missing =
    freeOnly && !model.routes.some((route) => route.free)
      ? 'no free route'
      : pin !== undefined &&
          !model.routes.some((route) => route.provider.name === pin && (!freeOnly || route.free))
        ? `no ${freeOnly ? 'free ' : ''}route on provider '${pin}'`
        : undefined;
  if (missing !== undefined) {
    const message = `Model '${id}' does not exist: '${model.id}' has ${missing}.`;
    return new ApiError(404, 'invalid_request_error', 'model_not_found', message, { param });
  }
  const providers = [...new Set(model.routes.map((route) => route.provider.name))].join(', ');
  return apiErrors.invalidRequest(
    `Model '${model.id}' has no route allowed by the provider preferences (its providers: ${providers}).`,
    'provider',
  );
}

function parsePreferences(value: unknown): ProviderPreferences {
  if (value === undefined) return {};
  const parsed = providerPreferencesSchema.safeParse(value);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0];
    throw apiErrors.invalidRequest(
      'provider must be an object with order/only/ignore lists of provider names (only not empty) and allow_fallbacks.',
      typeof field === 'string' ? `provider.${field}` : 'provider',
    );
  }
  return parsed.data;
}
