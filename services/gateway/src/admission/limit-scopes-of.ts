import type { LimitScope } from '@switchyard/limits';
import type { Principal, PrincipalLimits } from '../auth/principal.js';

/** What a principal's request is checked against, and the partition its counters live in. */
export interface PrincipalScopes {
  readonly partition: string;
  readonly scopes: readonly LimitScope[];
}

const hasLimit = (limits: PrincipalLimits) =>
  limits.requestsPerMinute !== undefined ||
  limits.tokensPerMinute !== undefined ||
  limits.maxConcurrent !== undefined;

/** A principal's scopes per model id (`''`: none), built once per principal object. */
const built = new WeakMap<Principal, Map<string, PrincipalScopes>>();
/** Model ids come from the catalog; past this many per principal the map starts over. */
const MAX_MODELS_PER_PRINCIPAL = 256;

/**
 * The key's limits, its team's (applied on top) and the key's limits for `modelId`, when set.
 * Counters are partitioned by team so one Redis Cluster slot holds all of a request's keys.
 *
 * The same frozen object for the same principal object and model: a principal is immutable and
 * cached, so its requests share one scope list, and the limiter plans its limits and Redis keys
 * once for it instead of building the ids, the limits and the key strings on every request.
 */
export function limitScopesOf(principal: Principal, modelId: string | undefined): PrincipalScopes {
  let byModel = built.get(principal);
  if (byModel === undefined) {
    byModel = new Map();
    built.set(principal, byModel);
  }
  const model = modelId ?? '';
  let scopes = byModel.get(model);
  if (scopes === undefined) {
    if (byModel.size >= MAX_MODELS_PER_PRINCIPAL) byModel.clear();
    scopes = buildScopes(principal, modelId);
    byModel.set(model, scopes);
  }
  return scopes;
}

function buildScopes(principal: Principal, modelId: string | undefined): PrincipalScopes {
  const scopes: LimitScope[] = [];
  if (hasLimit(principal.keyLimits)) {
    scopes.push({ id: `key:${principal.keyId}`, ...principal.keyLimits });
  }
  if (principal.teamId !== null && hasLimit(principal.teamLimits)) {
    scopes.push({ id: `team:${principal.teamId}`, ...principal.teamLimits });
  }
  const modelLimits = modelId === undefined ? undefined : principal.modelLimits[modelId];
  if (modelLimits !== undefined && hasLimit(modelLimits)) {
    scopes.push({ id: `key:${principal.keyId}:model:${modelId}`, ...modelLimits });
  }
  return Object.freeze({
    partition: principal.teamId ?? principal.keyId,
    scopes: Object.freeze(scopes.map((scope) => Object.freeze(scope))),
  });
}
