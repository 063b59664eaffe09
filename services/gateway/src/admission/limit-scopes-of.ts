import type { LimitScope } from '@switchyard/limits';
import type { Principal, PrincipalLimits } from '../auth/principal.js';

/** What a principal's request is checked against, and the partition its counters live in. */
export interface PrincipalScopes {
  partition: string;
  scopes: LimitScope[];
}

const hasLimit = (limits: PrincipalLimits) =>
  limits.requestsPerMinute !== undefined ||
  limits.tokensPerMinute !== undefined ||
  limits.maxConcurrent !== undefined;

/**
 * The key's limits, its team's (applied on top) and the key's limits for `modelId`, when set.
 * Counters are partitioned by team so one Redis Cluster slot holds all of a request's keys.
 */
export function limitScopesOf(principal: Principal, modelId: string | undefined): PrincipalScopes {
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
  return { partition: principal.teamId ?? principal.keyId, scopes };
}
