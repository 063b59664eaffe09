import { apiErrors } from '@switchyard/service-kit';
import { allowsModel } from '../auth/allows-model.js';
import type { Principal } from '../auth/principal.js';
import type { Model, Route } from '../catalog/model-catalog.js';
import type { Candidate } from './plan-candidates.js';

/** Whether the principal may use `model` through `route`: every allowlist, and `free_only`. */
export function mayUse(principal: Principal, model: Model, route: Route): boolean {
  if (principal.freeOnly && !route.free) return false;
  return principal.allowlists.every((list) => allowsModel(list, model.id, route.free));
}

/** Whether any route of `model` is open to the principal (what `GET /v1/models` lists). */
export function mayList(principal: Principal, model: Model): boolean {
  return model.routes.some((route) => mayUse(principal, model, route));
}

/**
 * The candidates the principal may use, in order; 403 `model_not_allowed` naming the requested
 * model when none is left.
 */
export function allowedCandidates(
  principal: Principal,
  candidates: readonly Candidate[],
  requestedModel: string,
): Candidate[] {
  const allowed = candidates.filter((candidate) =>
    mayUse(principal, candidate.model, candidate.route),
  );
  if (allowed.length === 0 && candidates.length > 0)
    throw apiErrors.modelNotAllowed(requestedModel);
  return allowed;
}
