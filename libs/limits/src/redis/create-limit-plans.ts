import type { LimitScope } from '../limit-scope.js';
import { planLimits } from '../plan-limits.js';
import type { PlannedLimit } from '../planned-limit.js';
import { redisLimitKey } from './redis-limit-key.js';

/** A request's limits in order, and the Redis key of each. */
export interface LimitPlan {
  readonly limits: readonly PlannedLimit[];
  readonly keys: readonly string[];
}

/**
 * Plans a request's limits and their Redis keys ({@link planLimits}, {@link redisLimitKey}),
 * remembered per frozen scope list: the gateway hands every request of a principal the same
 * frozen list, so the limits are checked and the key strings built (and hashed, at every lookup
 * by them) once, not per request. A list that is not frozen, or holds a scope that is not, may
 * change, so it is planned anew.
 */
export function createLimitPlans(): (
  partition: string,
  scopes: readonly LimitScope[],
) => LimitPlan {
  const plans = new WeakMap<readonly LimitScope[], LimitPlan & { readonly partition: string }>();
  return (partition, scopes) => {
    const known = plans.get(scopes);
    if (known !== undefined && known.partition === partition) return known;
    const limits = planLimits(scopes);
    const plan = {
      partition,
      limits,
      keys: limits.map((limit) => redisLimitKey(partition, limit)),
    };
    if (Object.isFrozen(scopes) && scopes.every(Object.isFrozen)) plans.set(scopes, plan);
    return plan;
  };
}
