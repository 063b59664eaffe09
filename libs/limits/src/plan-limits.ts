import type { LimitKind } from './limit-kind.js';
import type { LimitScope } from './limit-scope.js';
import type { PlannedLimit } from './planned-limit.js';

const fields: readonly (readonly [keyof LimitScope, LimitKind])[] = [
  ['requestsPerMinute', 'requests'],
  ['tokensPerMinute', 'tokens'],
  ['maxConcurrent', 'concurrency'],
];

/**
 * The limits of `scopes` in a fixed order (scope by scope: requests, tokens, concurrency).
 * Throws a RangeError for a limit that is not a positive safe integer or a repeated scope id.
 */
export function planLimits(scopes: readonly LimitScope[]): PlannedLimit[] {
  const planned: PlannedLimit[] = [];
  const seen = new Set<string>();
  for (const scope of scopes) {
    if (seen.has(scope.id)) throw new RangeError(`scope ${scope.id} is listed twice`);
    seen.add(scope.id);
    for (const [field, kind] of fields) {
      const limit = scope[field];
      if (limit === undefined) continue;
      if (typeof limit !== 'number' || !Number.isSafeInteger(limit) || limit < 1) {
        throw new RangeError(`${field} of scope ${scope.id} must be a positive integer`);
      }
      planned.push({ scope: scope.id, kind, limit });
    }
  }
  return planned;
}
